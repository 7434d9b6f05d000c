using Mediator;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>The brand's rules, read again from the documents first if they changed: banned words, names, hashtags, tone.</summary>
public sealed record ListBrandRules : IQuery<IReadOnlyList<BrandRuleDto>>;

public sealed class ListBrandRulesHandler(BrandRuleBook book) : IQueryHandler<ListBrandRules, IReadOnlyList<BrandRuleDto>>
{
    public async ValueTask<IReadOnlyList<BrandRuleDto>> Handle(ListBrandRules query, CancellationToken cancellationToken) =>
        (await book.CurrentAsync(cancellationToken)).Select(BrandRuleDto.From).ToList();
}
