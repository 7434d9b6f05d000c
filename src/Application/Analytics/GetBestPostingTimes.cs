using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Analytics;

/// <summary>A suggested weekly time in the workspace's zone (<c>09:00</c>), with the number of the workspace's posts behind it.</summary>
public sealed record PostingTimeDto(DayOfWeek Day, string Time, double Score, int Posts);

/// <summary>Suggested times and what they rest on: <see cref="Posts"/> results of the last 90 days (none: the general pattern alone).</summary>
public sealed record BestPostingTimesDto(Guid? CompanyId, SocialPlatform? Platform, string TimeZone, int Posts, bool FromOwnResults,
    IReadOnlyList<PostingTimeDto> Slots, string Explanation);

/// <summary>
/// When a brand's posts on a network do best, learned from its results of the last 90 days: each post is scored by its
/// engagements against the average of its network (so networks of different sizes mix), placed at its hour of the
/// week in the workspace's time zone, and the hours are ranked with a prior for sparse data (<see cref="PostingTimes"/>).
/// </summary>
public sealed record GetBestPostingTimes(Guid? CompanyId, string? Platform, int Count = 5) : IQuery<BestPostingTimesDto>
{
    public const int MaxCount = 20;

    /// <summary>Results below this many posts are called early evidence in the explanation.</summary>
    public const int ConfidentPosts = 20;
}

public sealed class GetBestPostingTimesValidator : AbstractValidator<GetBestPostingTimes>
{
    public GetBestPostingTimesValidator()
    {
        AnalyticsQueryRules.Network(this, x => x.Platform);
        RuleFor(x => x.Count).InclusiveBetween(1, GetBestPostingTimes.MaxCount).WithMessage($"Ask for 1 to {GetBestPostingTimes.MaxCount} times.");
    }
}

public sealed class GetBestPostingTimesHandler(ITenantDb db, TenantTime time, TimeProvider clock) : IQueryHandler<GetBestPostingTimes, BestPostingTimesDto>
{
    public async ValueTask<BestPostingTimesDto> Handle(GetBestPostingTimes query, CancellationToken cancellationToken)
    {
        if (query.CompanyId is { } brand && !await db.Companies.AnyAsync(c => c.Id == brand, cancellationToken))
        {
            throw new NotFoundException("Brand", brand);
        }

        var zone = await time.ZoneAsync(cancellationToken);
        var since = clock.GetUtcNow() - MetricsSchedule.Horizon;
        var platform = AnalyticsQueryRules.ParseNetwork(query.Platform);
        var posts = db.PostPerformance.AsNoTracking().Where(p => p.PublishedAt >= since && p.LastCollectedAt != null);
        if (query.CompanyId is { } company)
        {
            posts = posts.Where(p => p.CompanyId == company);
        }

        if (platform is { } network)
        {
            posts = posts.Where(p => p.Platform == network);
        }

        var rows = await posts
            .Select(p => new { p.Platform, p.PublishedAt, Engagements = p.Reactions + p.Comments + p.Shares + p.Saves + p.Clicks })
            .ToListAsync(cancellationToken);
        var averages = rows.GroupBy(r => r.Platform).ToDictionary(g => g.Key, g => g.Average(r => (double)r.Engagements));
        var results = rows.Select(r =>
        {
            var local = TimeZoneInfo.ConvertTime(r.PublishedAt, zone);
            var average = averages[r.Platform];
            return new PostingResult(local.DayOfWeek, local.Hour, average > 0 ? r.Engagements / average : 1);
        }).ToList();
        var slots = PostingTimes.Suggest(results, query.Count)
            .Select(s => new PostingTimeDto(s.Day, $"{s.Hour:00}:00", s.Score, s.Posts)).ToList();
        var explanation = results.Count switch
        {
            0 => "There are no results yet, so these are the times that usually work for business audiences; they adjust as your posts collect metrics.",
            < GetBestPostingTimes.ConfidentPosts => $"Based on {results.Count} published post{(results.Count == 1 ? "" : "s")} of the last 90 days and the times that usually work: early evidence, which firms up with every post.",
            _ => $"Based on {results.Count} published posts of the last 90 days: the hours whose posts drew the most engagement for their network.",
        };
        return new BestPostingTimesDto(query.CompanyId, platform, zone.Id, results.Count, results.Count > 0, slots, explanation);
    }
}
