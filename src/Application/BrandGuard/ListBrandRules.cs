using Mediator;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// The brands' rules, read again from the documents first if they changed: banned words, names, hashtags, tone. With
/// <paramref name="CompanyId"/>, the rules a post of that brand follows: its own and the workspace-wide ones.
/// </summary>
public sealed record ListBrandRules(Guid? CompanyId = null) : IQuery<IReadOnlyList<BrandRuleDto>>;

public sealed class ListBrandRulesHandler(BrandRuleBook book) : IQueryHandler<ListBrandRules, IReadOnlyList<BrandRuleDto>>
{
    public async ValueTask<IReadOnlyList<BrandRuleDto>> Handle(ListBrandRules query, CancellationToken cancellationToken) =>
        (query.CompanyId is { } company ? await book.ForBrandAsync(company, cancellationToken) : await book.CurrentAsync(cancellationToken))
            .Select(BrandRuleDto.From).ToList();
}
