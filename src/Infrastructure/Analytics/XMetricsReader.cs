using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>
/// X API v2: <c>GET /2/tweets/{id}?tweet.fields=public_metrics</c> (impressions, likes, replies, reposts, quotes,
/// bookmarks), plus <c>non_public_metrics</c> (link and profile clicks) for posts under 30 days old, which X gives to
/// the author's user token only. Followers: <c>GET /2/users/{id}?user.fields=public_metrics</c>. A deleted post is a
/// 200 with <c>errors</c> and no <c>data</c>; rate limits are 429 with <c>x-rate-limit-reset</c>.
/// </summary>
public sealed class XMetricsReader(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : INetworkMetricsReader
{
    public static readonly TimeSpan PrivateMetricsAge = TimeSpan.FromDays(30);

    public SocialPlatform Platform => SocialPlatform.X;

    public bool HasPostMetrics => true;

    public bool ReadsAccount(string accountId) => true;

    public async Task<MetricsRead> ReadPostAsync(PostMetricsRequest request, CancellationToken cancellationToken)
    {
        var fields = clock.GetUtcNow() - request.PublishedAt < PrivateMetricsAge ? "public_metrics,non_public_metrics" : "public_metrics";
        var (body, failure) = await GetAsync($"2/tweets/{Uri.EscapeDataString(request.PlatformPostId)}?tweet.fields={fields}", request.AccessToken, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (body?["data"] is not JsonObject data)
        {
            return MetricsRead.Failed(MetricsReadKind.Refused, $"X did not give the metrics: {PlatformHttp.Message(body) ?? "the post was not found"}.");
        }

        var values = new Dictionary<MetricKind, long>();
        var metrics = data["public_metrics"];
        MetricsHttp.Put(values, MetricKind.Impressions, metrics?["impression_count"]);
        MetricsHttp.Put(values, MetricKind.Reactions, metrics?["like_count"]);
        MetricsHttp.Put(values, MetricKind.Comments, metrics?["reply_count"]);
        MetricsHttp.Put(values, MetricKind.Shares, metrics?["retweet_count"]);
        MetricsHttp.Put(values, MetricKind.Shares, metrics?["quote_count"]);
        MetricsHttp.Put(values, MetricKind.Saves, metrics?["bookmark_count"]);
        var clicks = data["non_public_metrics"];
        MetricsHttp.Put(values, MetricKind.Clicks, clicks?["url_link_clicks"]);
        MetricsHttp.Put(values, MetricKind.Clicks, clicks?["user_profile_clicks"]);
        return MetricsRead.Of(values);
    }

    public async Task<MetricsRead> ReadAccountAsync(AccountMetricsRequest request, CancellationToken cancellationToken)
    {
        var (body, failure) = await GetAsync($"2/users/{Uri.EscapeDataString(request.AccountId)}?user.fields=public_metrics", request.AccessToken, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var values = new Dictionary<MetricKind, long>();
        MetricsHttp.Put(values, MetricKind.Followers, body?["data"]?["public_metrics"]?["followers_count"]);
        return MetricsRead.Of(values);
    }

    private async Task<(JsonNode? Body, MetricsRead? Failure)> GetAsync(string path, string token, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, PlatformHttp.Url(options.Value.X.BaseUrl, path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await MetricsHttp.GetAsync(http, message, "X", clock, cancellationToken);
    }
}
