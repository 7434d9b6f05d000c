using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Snippets;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Snippets;

/// <summary>Saves a hashtag group, a signature or a post template for a brand.</summary>
public sealed record CreateSnippet(Guid CompanyId, SnippetKind? Kind, string? Name, string? Body) : ICommand<SnippetDto>, IRequireRole
{
    public const int MaxPerBrand = 200;

    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class CreateSnippetValidator : AbstractValidator<CreateSnippet>
{
    public CreateSnippetValidator()
    {
        RuleFor(x => x.CompanyId).NotEmpty().WithMessage("Choose the brand.");
        RuleFor(x => x.Kind).NotNull().IsInEnum().WithMessage("Choose a hashtag group, a signature or a template.");
        SnippetRules.Apply(this, x => x.Kind ?? SnippetKind.Signature, x => x.Name, x => x.Body);
    }
}

public sealed class CreateSnippetHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<CreateSnippet, SnippetDto>
{
    public async ValueTask<SnippetDto> Handle(CreateSnippet command, CancellationToken cancellationToken)
    {
        if (!await db.Companies.AnyAsync(c => c.Id == command.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Brand", command.CompanyId);
        }

        if (await db.Snippets.CountAsync(s => s.CompanyId == command.CompanyId, cancellationToken) >= CreateSnippet.MaxPerBrand)
        {
            throw new ConflictException($"A brand keeps at most {CreateSnippet.MaxPerBrand} snippets and templates; delete some first.");
        }

        var snippet = Snippet.Create(command.CompanyId, command.Kind!.Value, command.Name ?? "", command.Body ?? "", clock.GetUtcNow());
        db.Snippets.Add(snippet);
        await db.SaveChangesAsync(cancellationToken);
        return SnippetDto.From(snippet);
    }
}
