using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Snippets;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Snippets;

/// <summary>A brand's snippets (or every brand's), by kind then name, with the variables templates may use.</summary>
public sealed record ListSnippets(Guid? CompanyId, string? Kind) : IQuery<SnippetListDto>
{
    /// <summary>The kind asked for (<c>hashtagGroup</c>, <c>signature</c>, <c>template</c>, any case), or null for every kind.</summary>
    public SnippetKind? KindFilter =>
        Enum.TryParse<SnippetKind>(Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _) ? kind : null;
}

public sealed class ListSnippetsValidator : AbstractValidator<ListSnippets>
{
    public ListSnippetsValidator() =>
        RuleFor(x => x.Kind).Must((x, kind) => string.IsNullOrEmpty(kind) || x.KindFilter is not null)
            .WithMessage("Ask for hashtagGroup, signature or template.");
}

public sealed class ListSnippetsHandler(ITenantDb db) : IQueryHandler<ListSnippets, SnippetListDto>
{
    public async ValueTask<SnippetListDto> Handle(ListSnippets query, CancellationToken cancellationToken)
    {
        var snippets = db.Snippets.AsNoTracking();
        if (query.CompanyId is { } companyId)
        {
            snippets = snippets.Where(s => s.CompanyId == companyId);
        }

        if (query.KindFilter is { } kind)
        {
            snippets = snippets.Where(s => s.Kind == kind);
        }

        var items = await snippets.OrderBy(s => s.Kind).ThenBy(s => s.Name).ThenBy(s => s.Id).Take(1000).ToListAsync(cancellationToken);
        return new SnippetListDto(items.Select(SnippetDto.From).ToList(), TemplateVariables.Known);
    }
}
