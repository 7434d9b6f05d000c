using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>
/// LinkedIn's versioned REST API. Organisation posts: <c>GET /rest/organizationalEntityShareStatistics?q=organizationalEntity</c>
/// with the post in <c>shares=List(...)</c> or <c>ugcPosts=List(...)</c> (lifetime totals: impressions, unique
/// impressions, clicks, likes, comments, shares; needs <c>rw_organization_admin</c>). Member posts, where the member
/// granted <c>r_member_postAnalytics</c> (Community Management API): <c>GET /rest/memberCreatorPostAnalytics?q=entity</c>
/// with the post as <c>entity=(share:{urn})</c> or <c>(ugc:{urn})</c>, one <c>queryType</c> per request (impressions,
/// members reached, reactions, comments, reshares) and <c>aggregation=TOTAL</c>, each answering
/// <c>elements[0].count</c>; without that permission (or when LinkedIn refuses it), <c>GET /rest/socialActions/{urn}</c>
/// (likes and comments). Followers of an organisation: <c>GET /rest/networkSizes/{urn}?edgeType=COMPANY_FOLLOWED_BY_COMPANY</c>.
/// </summary>
public sealed class LinkedInMetricsReader(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : INetworkMetricsReader
{
    /// <summary>The member permission that opens <c>memberCreatorPostAnalytics</c>.</summary>
    public const string MemberAnalyticsScope = "r_member_postAnalytics";

    private const string Organization = "urn:li:organization:";

    private static readonly (string Metric, MetricKind Kind)[] MemberMetrics =
    [
        ("IMPRESSION", MetricKind.Impressions),
        ("MEMBERS_REACHED", MetricKind.Reach),
        ("REACTION", MetricKind.Reactions),
        ("COMMENT", MetricKind.Comments),
        ("RESHARE", MetricKind.Shares),
    ];

    public SocialPlatform Platform => SocialPlatform.LinkedIn;

    public bool HasPostMetrics => true;

    public bool ReadsAccount(string accountId) => accountId.StartsWith(Organization, StringComparison.Ordinal);

    public async Task<MetricsRead> ReadPostAsync(PostMetricsRequest request, CancellationToken cancellationToken)
    {
        var post = Uri.EscapeDataString(request.PlatformPostId);
        if (!ReadsAccount(request.AccountId))
        {
            if (request.Grants(MemberAnalyticsScope))
            {
                var analytics = await ReadMemberAnalyticsAsync(request, cancellationToken);
                if (analytics.Kind != MetricsReadKind.Refused)
                {
                    return analytics;
                }
            }

            var (actions, failed) = await GetAsync($"rest/socialActions/{post}", request.AccessToken, cancellationToken);
            if (failed is not null)
            {
                return failed;
            }

            var values = new Dictionary<MetricKind, long>();
            MetricsHttp.Put(values, MetricKind.Reactions, actions?["likesSummary"]?["totalLikes"]);
            MetricsHttp.Put(values, MetricKind.Comments, actions?["commentsSummary"]?["aggregatedTotalComments"] ?? actions?["commentsSummary"]?["count"]);
            return MetricsRead.Of(values);
        }

        var list = request.PlatformPostId.StartsWith("urn:li:ugcPost:", StringComparison.Ordinal) ? "ugcPosts" : "shares";
        var (body, failure) = await GetAsync(
            $"rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity={Uri.EscapeDataString(request.AccountId)}&{list}=List({post})",
            request.AccessToken, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var totals = (body?["elements"] as JsonArray)?.FirstOrDefault()?["totalShareStatistics"];
        var read = new Dictionary<MetricKind, long>();
        MetricsHttp.Put(read, MetricKind.Impressions, totals?["impressionCount"]);
        MetricsHttp.Put(read, MetricKind.Reach, totals?["uniqueImpressionsCount"]);
        MetricsHttp.Put(read, MetricKind.Clicks, totals?["clickCount"]);
        MetricsHttp.Put(read, MetricKind.Reactions, totals?["likeCount"]);
        MetricsHttp.Put(read, MetricKind.Comments, totals?["commentCount"]);
        MetricsHttp.Put(read, MetricKind.Shares, totals?["shareCount"]);
        return MetricsRead.Of(read);
    }

    /// <summary>The five totals of a member's post, one request each (the finder takes one metric type at a time).</summary>
    private async Task<MetricsRead> ReadMemberAnalyticsAsync(PostMetricsRequest request, CancellationToken cancellationToken)
    {
        var type = request.PlatformPostId.StartsWith("urn:li:ugcPost:", StringComparison.Ordinal) ? "ugc" : "share";
        var entity = $"({type}:{Uri.EscapeDataString(request.PlatformPostId)})";
        var values = new Dictionary<MetricKind, long>();
        foreach (var (metric, kind) in MemberMetrics)
        {
            var (body, failure) = await GetAsync(
                $"rest/memberCreatorPostAnalytics?q=entity&entity={entity}&queryType={metric}&aggregation=TOTAL", request.AccessToken, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            // No element: LinkedIn has nothing for that metric yet, which is a count of zero.
            values[kind] = (body?["elements"] as JsonArray)?.OfType<JsonObject>().Sum(e => MetricsHttp.Count(e["count"]) ?? 0) ?? 0;
        }

        return MetricsRead.Of(values);
    }

    public async Task<MetricsRead> ReadAccountAsync(AccountMetricsRequest request, CancellationToken cancellationToken)
    {
        if (!ReadsAccount(request.AccountId))
        {
            return MetricsRead.Failed(MetricsReadKind.NotAvailable, "LinkedIn gives a member's follower count only to approved partners.");
        }

        var (body, failure) = await GetAsync(
            $"rest/networkSizes/{Uri.EscapeDataString(request.AccountId)}?edgeType=COMPANY_FOLLOWED_BY_COMPANY", request.AccessToken, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var values = new Dictionary<MetricKind, long>();
        MetricsHttp.Put(values, MetricKind.Followers, body?["firstDegreeSize"]);
        return MetricsRead.Of(values);
    }

    private async Task<(JsonNode? Body, MetricsRead? Failure)> GetAsync(string path, string token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new HttpRequestMessage(HttpMethod.Get, PlatformHttp.Url(settings.LinkedIn.BaseUrl, path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Add("LinkedIn-Version", settings.LinkedInVersion);
        message.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        return await MetricsHttp.GetAsync(http, message, "LinkedIn", clock, cancellationToken);
    }
}
