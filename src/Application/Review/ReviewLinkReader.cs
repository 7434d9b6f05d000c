using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Review;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Review;

/// <summary>The team's view of review links: each with its posts and what the reviewers decided on them.</summary>
internal static class ReviewLinkReader
{
    public static async Task<List<ReviewLinkDto>> ToDtosAsync(
        ITenantDb db, IReadOnlyList<ReviewLink> links, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var linkIds = links.Select(l => l.Id).ToList();
        var postIds = links.SelectMany(l => l.PostIds).Distinct().ToList();
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => linkIds.Contains(d.LinkId))
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        var posts = await db.ContentItems.AsNoTracking().Where(c => postIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.State, c.ScheduledAt, c.UpdatedAt })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return links.Select(link =>
        {
            var shared = link.PostIds.Where(posts.ContainsKey).Select(id => posts[id])
                .OrderBy(p => p.ScheduledAt ?? DateTimeOffset.MaxValue).ThenBy(p => p.Id)
                .Select(p =>
                {
                    var history = decisions.Where(d => d.LinkId == link.Id && d.ContentItemId == p.Id).Select(ToDto).ToList();
                    var latest = history.FirstOrDefault();
                    return new ReviewedPostDto(p.Id, p.Title, p.State, p.ScheduledAt is { } at ? TenantTime.ToLocalText(at, zone) : null,
                        latest, history, latest is not null && p.UpdatedAt > latest.DecidedAt);
                })
                .ToList();
            return new ReviewLinkDto(
                link.Id, link.Name, link.CompanyId, link.RangeStart, link.RangeEnd, shared.Count, link.CreatedAt, link.ExpiresAt,
                link.RevokedAt, Status(link, now),
                shared.Count(p => p.Latest?.Verdict == ReviewVerdict.Approved),
                shared.Count(p => p.Latest?.Verdict == ReviewVerdict.ChangesRequested),
                shared);
        }).ToList();
    }

    public static ReviewDecisionDto ToDto(ReviewDecision d) => new(d.ReviewerName, d.Verdict, d.Comment, d.DecidedAt);

    private static string Status(ReviewLink link, DateTimeOffset now) =>
        link.RevokedAt is not null ? "revoked" : link.ExpiresAt <= now ? "expired" : "open";
}
