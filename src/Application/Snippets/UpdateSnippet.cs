using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Snippets;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Snippets;

/// <summary>Renames a snippet or changes its text; its kind and brand stay.</summary>
public sealed record UpdateSnippet(Guid Id, string? Name, string? Body) : ICommand<SnippetDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UpdateSnippetValidator : AbstractValidator<UpdateSnippet>
{
    public UpdateSnippetValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage($"Give a name of up to {Snippet.MaxNameLength} characters.")
            .MaximumLength(Snippet.MaxNameLength).WithMessage($"Give a name of up to {Snippet.MaxNameLength} characters.");
        RuleFor(x => x.Body).NotEmpty().WithMessage($"Give the text, up to {Snippet.MaxBodyLength} characters.")
            .MaximumLength(Snippet.MaxBodyLength).WithMessage($"Give the text, up to {Snippet.MaxBodyLength} characters.");
    }
}

public sealed class UpdateSnippetHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<UpdateSnippet, SnippetDto>
{
    public async ValueTask<SnippetDto> Handle(UpdateSnippet command, CancellationToken cancellationToken)
    {
        var snippet = await db.Snippets.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Snippet", command.Id);
        // The kind-specific checks (hashtags, template variables) need the stored kind: the aggregate reports them on the field.
        snippet.Change(command.Name ?? "", command.Body ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SnippetDto.From(snippet);
    }
}
