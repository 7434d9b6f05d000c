using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>
/// Google Business Profile has no metrics per post: the Business Profile Performance API reports a location's daily
/// numbers, read with <c>GET /v1/locations/{id}:fetchMultiDailyMetricsTimeSeries</c> (<c>dailyMetrics</c> repeated,
/// <c>dailyRange.startDate.*</c> and <c>dailyRange.endDate.*</c>). The four impression series add up to profile views;
/// website clicks, calls and direction requests to profile actions. A day Google leaves without a value had none.
/// </summary>
public sealed class GoogleBusinessMetricsReader(HttpClient http, IOptions<AnalyticsOptions> options, TimeProvider clock) : INetworkMetricsReader
{
    private static readonly Dictionary<string, MetricKind> Series = new(StringComparer.Ordinal)
    {
        ["BUSINESS_IMPRESSIONS_DESKTOP_MAPS"] = MetricKind.ProfileViews,
        ["BUSINESS_IMPRESSIONS_DESKTOP_SEARCH"] = MetricKind.ProfileViews,
        ["BUSINESS_IMPRESSIONS_MOBILE_MAPS"] = MetricKind.ProfileViews,
        ["BUSINESS_IMPRESSIONS_MOBILE_SEARCH"] = MetricKind.ProfileViews,
        ["WEBSITE_CLICKS"] = MetricKind.ProfileActions,
        ["CALL_CLICKS"] = MetricKind.ProfileActions,
        ["BUSINESS_DIRECTION_REQUESTS"] = MetricKind.ProfileActions,
    };

    public SocialPlatform Platform => SocialPlatform.GoogleBusiness;

    public bool HasPostMetrics => false;

    public bool ReadsAccount(string accountId) => LocationId(accountId) is not null;

    public Task<MetricsRead> ReadPostAsync(PostMetricsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(MetricsRead.Failed(MetricsReadKind.NotAvailable, "Google Business Profile reports views and actions per location, not per post."));

    public async Task<MetricsRead> ReadAccountAsync(AccountMetricsRequest request, CancellationToken cancellationToken)
    {
        if (LocationId(request.AccountId) is not { } location)
        {
            return MetricsRead.Failed(MetricsReadKind.NotAvailable, "The connection names no location.");
        }

        var query = new StringBuilder($"v1/locations/{Uri.EscapeDataString(location)}:fetchMultiDailyMetricsTimeSeries?");
        foreach (var metric in Series.Keys)
        {
            query.Append("dailyMetrics=").Append(metric).Append('&');
        }

        Append(query, "startDate", request.From).Append('&');
        Append(query, "endDate", request.To);
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri($"{options.Value.GoogleBusinessPerformanceUrl.TrimEnd('/')}/{query}"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        var (body, failure) = await MetricsHttp.GetAsync(http, message, "Google Business Profile", clock, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var days = new Dictionary<(MetricKind, DateOnly), long>();
        for (var day = request.From; day <= request.To; day = day.AddDays(1))
        {
            days[(MetricKind.ProfileViews, day)] = 0;
            days[(MetricKind.ProfileActions, day)] = 0;
        }

        foreach (var multi in (body?["multiDailyMetricTimeSeries"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            foreach (var series in (multi["dailyMetricTimeSeries"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                if (PlatformHttp.String(series["dailyMetric"]) is not { } name || !Series.TryGetValue(name, out var kind))
                {
                    continue;
                }

                foreach (var dated in (series["timeSeries"]?["datedValues"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                {
                    if (Date(dated["date"]) is { } date && days.TryGetValue((kind, date), out var sum))
                    {
                        days[(kind, date)] = sum + (MetricsHttp.Count(dated["value"]) ?? 0);
                    }
                }
            }
        }

        return MetricsRead.Of(new Dictionary<MetricKind, long>(), days.Select(d => new DailyMetricValue(d.Key.Item1, d.Key.Item2, d.Value)).ToList());
    }

    /// <summary>The location id of <c>accounts/{a}/locations/{l}</c> or <c>locations/{l}</c>.</summary>
    public static string? LocationId(string accountId)
    {
        var at = accountId.LastIndexOf("locations/", StringComparison.Ordinal);
        var id = at < 0 ? null : accountId[(at + "locations/".Length)..];
        return string.IsNullOrEmpty(id) || id.Contains('/', StringComparison.Ordinal) ? null : id;
    }

    private static StringBuilder Append(StringBuilder query, string name, DateOnly date) =>
        query.Append(CultureInfo.InvariantCulture, $"dailyRange.{name}.year={date.Year}&dailyRange.{name}.month={date.Month}&dailyRange.{name}.day={date.Day}");

    private static DateOnly? Date(JsonNode? node) =>
        MetricsHttp.Count(node?["year"]) is { } y && MetricsHttp.Count(node?["month"]) is { } m && MetricsHttp.Count(node?["day"]) is { } d && y > 0 && m is >= 1 and <= 12 && d >= 1
            ? new DateOnly((int)y, (int)m, Math.Min((int)d, DateTime.DaysInMonth((int)y, (int)m)))
            : null;
}
