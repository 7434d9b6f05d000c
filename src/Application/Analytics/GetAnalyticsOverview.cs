using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Analytics;

/// <summary>
/// The analytics page: totals of the posts published from <see cref="From"/> to <see cref="To"/> (dates in the
/// workspace's zone; the last 28 days by default) against the period before, per network and per day, followers over
/// time, the top posts, and the connections whose metrics are not being collected.
/// </summary>
public sealed record GetAnalyticsOverview(string? From, string? To, Guid? CompanyId, string? Platform) : IQuery<AnalyticsOverviewDto>;

public sealed class GetAnalyticsOverviewValidator : AbstractValidator<GetAnalyticsOverview>
{
    public GetAnalyticsOverviewValidator()
    {
        AnalyticsQueryRules.Period(this, x => x.From, x => x.To);
        AnalyticsQueryRules.Network(this, x => x.Platform);
    }
}

public sealed class GetAnalyticsOverviewHandler(AnalyticsReport report) : IQueryHandler<GetAnalyticsOverview, AnalyticsOverviewDto>
{
    public async ValueTask<AnalyticsOverviewDto> Handle(GetAnalyticsOverview query, CancellationToken cancellationToken) =>
        (await report.ReadAsync(AnalyticsQueryRules.Filter(query.From, query.To, query.CompanyId, query.Platform), cancellationToken))
        .Overview;
}
