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
/// impressions, clicks, likes, comments, shares; needs <c>rw_organization_admin</c>). Member posts:
/// <c>GET /rest/socialActions/{urn}</c> (likes and comments; LinkedIn gives members' impressions only to approved
/// partners). Followers of an organisation: <c>GET /rest/networkSizes/{urn}?edgeType=COMPANY_FOLLOWED_BY_COMPANY</c>.
/// </summary>
public sealed class LinkedInMetricsReader(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : INetworkMetricsReader
{
    private const string Organization = "urn:li:organization:";

    public SocialPlatform Platform => SocialPlatform.LinkedIn;

    public bool HasPostMetrics => true;

    public bool ReadsAccount(string accountId) => accountId.StartsWith(Organization, StringComparison.Ordinal);

    public async Task<MetricsRead> ReadPostAsync(PostMetricsRequest request, CancellationToken cancellationToken)
    {
        var post = Uri.EscapeDataString(request.PlatformPostId);
        if (!ReadsAccount(request.AccountId))
        {
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
