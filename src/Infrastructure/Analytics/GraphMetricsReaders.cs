using System.Text.Json.Nodes;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>
/// Facebook Pages through the Graph API: <c>GET /{post-id}/insights</c> with the metric names current since the
/// November 2025 removals (<c>post_impressions*</c> became <c>post_media_view</c> and
/// <c>post_total_media_view_unique</c>), <c>post_clicks</c> and <c>post_reactions_by_type_total</c>; comments and shares
/// from the post's own fields; the Page's follows from <c>followers_count</c> (<c>page_fans</c> is gone).
/// </summary>
public sealed class FacebookMetricsReader(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : INetworkMetricsReader
{
    public const string PostMetrics = "post_media_view,post_total_media_view_unique,post_clicks,post_reactions_by_type_total";

    public SocialPlatform Platform => SocialPlatform.Facebook;

    public bool HasPostMetrics => true;

    public bool ReadsAccount(string accountId) => true;

    public async Task<MetricsRead> ReadPostAsync(PostMetricsRequest request, CancellationToken cancellationToken)
    {
        var post = Uri.EscapeDataString(request.PlatformPostId);
        var (insights, failure) = await GraphReads.GetAsync(http, options.Value.Facebook.BaseUrl,
            $"{post}/insights?metric={PostMetrics}", request.AccessToken, "Facebook", clock, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var values = new Dictionary<MetricKind, long>();
        foreach (var (name, value) in GraphReads.Lifetime(insights))
        {
            switch (name)
            {
                case "post_media_view": MetricsHttp.Put(values, MetricKind.Impressions, value); break;
                case "post_total_media_view_unique": MetricsHttp.Put(values, MetricKind.Reach, value); break;
                case "post_clicks": MetricsHttp.Put(values, MetricKind.Clicks, value); break;
                case "post_reactions_by_type_total" when value is JsonObject byType:
                    values[MetricKind.Reactions] = byType.Sum(r => MetricsHttp.Count(r.Value) ?? 0);
                    break;
            }
        }

        var (fields, failed) = await GraphReads.GetAsync(http, options.Value.Facebook.BaseUrl,
            $"{post}?fields=shares,comments.limit(0).summary(true)", request.AccessToken, "Facebook", clock, cancellationToken);
        if (failed is not null)
        {
            return failed;
        }

        values[MetricKind.Shares] = MetricsHttp.Count(fields?["shares"]?["count"]) ?? 0;
        MetricsHttp.Put(values, MetricKind.Comments, fields?["comments"]?["summary"]?["total_count"]);
        return MetricsRead.Of(values);
    }

    public Task<MetricsRead> ReadAccountAsync(AccountMetricsRequest request, CancellationToken cancellationToken) =>
        GraphReads.FollowersAsync(http, options.Value.Facebook.BaseUrl, request, "Facebook", clock, cancellationToken);
}

/// <summary>
/// Instagram professional accounts through the Graph API: <c>GET /{ig-media-id}/insights</c> with <c>views</c>,
/// <c>reach</c>, <c>likes</c>, <c>comments</c>, <c>shares</c>, <c>saved</c> and <c>total_interactions</c> (Instagram's
/// numbers can trail by up to 48 hours, which the schedule's later readings catch up with); followers from
/// <c>GET /{ig-user-id}?fields=followers_count</c>.
/// </summary>
public sealed class InstagramMetricsReader(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : INetworkMetricsReader
{
    public const string PostMetrics = "views,reach,likes,comments,shares,saved,total_interactions";

    public SocialPlatform Platform => SocialPlatform.Instagram;

    public bool HasPostMetrics => true;

    public bool ReadsAccount(string accountId) => true;

    public async Task<MetricsRead> ReadPostAsync(PostMetricsRequest request, CancellationToken cancellationToken)
    {
        var (insights, failure) = await GraphReads.GetAsync(http, options.Value.Instagram.BaseUrl,
            $"{Uri.EscapeDataString(request.PlatformPostId)}/insights?metric={PostMetrics}", request.AccessToken, "Instagram", clock, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var values = new Dictionary<MetricKind, long>();
        foreach (var (name, value) in GraphReads.Lifetime(insights))
        {
            MetricKind? kind = name switch
            {
                "views" => MetricKind.Impressions,
                "reach" => MetricKind.Reach,
                "likes" => MetricKind.Reactions,
                "comments" => MetricKind.Comments,
                "shares" => MetricKind.Shares,
                "saved" => MetricKind.Saves,
                // total_interactions is the sum of the others (and Instagram's own reckoning): not stored twice.
                _ => null,
            };
            if (kind is { } k)
            {
                MetricsHttp.Put(values, k, value);
            }
        }

        return MetricsRead.Of(values);
    }

    public Task<MetricsRead> ReadAccountAsync(AccountMetricsRequest request, CancellationToken cancellationToken) =>
        GraphReads.FollowersAsync(http, options.Value.Instagram.BaseUrl, request, "Instagram", clock, cancellationToken);
}

/// <summary>The Graph API's shared parts: token as <c>access_token</c>, and insights as <c>data[].values[].value</c>.</summary>
internal static class GraphReads
{
    public static async Task<(JsonNode? Body, MetricsRead? Failure)> GetAsync(
        HttpClient http, string baseUrl, string pathAndQuery, string token, string network, TimeProvider clock, CancellationToken cancellationToken)
    {
        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var message = new HttpRequestMessage(HttpMethod.Get,
            PlatformHttp.Url(baseUrl, $"{pathAndQuery}{separator}access_token={Uri.EscapeDataString(token)}"));
        return await MetricsHttp.GetAsync(http, message, network, clock, cancellationToken);
    }

    /// <summary>Each metric's name and its latest lifetime value (<c>values[-1].value</c>, or <c>total_value.value</c>).</summary>
    public static IEnumerable<(string Name, JsonNode? Value)> Lifetime(JsonNode? insights)
    {
        foreach (var metric in (insights?["data"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            var name = PlatformHttp.String(metric["name"]);
            if (name is null)
            {
                continue;
            }

            var value = (metric["values"] as JsonArray)?.LastOrDefault()?["value"] ?? metric["total_value"]?["value"];
            yield return (name, value);
        }
    }

    public static async Task<MetricsRead> FollowersAsync(
        HttpClient http, string baseUrl, AccountMetricsRequest request, string network, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, failure) = await GetAsync(http, baseUrl, $"{Uri.EscapeDataString(request.AccountId)}?fields=followers_count",
            request.AccessToken, network, clock, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var values = new Dictionary<MetricKind, long>();
        MetricsHttp.Put(values, MetricKind.Followers, body?["followers_count"]);
        return MetricsRead.Of(values);
    }
}
