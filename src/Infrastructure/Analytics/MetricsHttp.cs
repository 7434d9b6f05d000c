using System.Globalization;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Infrastructure.Publishing;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>
/// One read request to a network and what its answer means for collection: a body, or a rate limit (429, 5xx, the
/// Graph API's throttling codes, Google's quota reasons) with the wait the network asks, a refused token (401, Graph
/// code 190), or a refusal (the post is gone, a permission is missing). A read is harmless to repeat, so a lost
/// answer is simply tried again later.
/// </summary>
internal static class MetricsHttp
{
    public static async Task<(JsonNode? Body, MetricsRead? Failure)> GetAsync(
        HttpClient http, HttpRequestMessage request, string network, TimeProvider clock, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            // Unreachable, or the connection broke: a read is harmless to repeat, so it is simply tried later.
            return (null, MetricsRead.Failed(MetricsReadKind.RetryLater, $"{network} could not be reached."));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, MetricsRead.Failed(MetricsReadKind.RetryLater, $"{network} did not answer in time."));
        }

        using (response)
        {
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (body, null);
            }

            var status = (int)response.StatusCode;
            var message = PlatformHttp.Message(body) ?? $"{status} {response.ReasonPhrase}";
            var error = body?["error"] as JsonObject;
            var graphCode = error?["code"] is JsonValue code && code.TryGetValue<int>(out var value) ? value : (int?)null;
            if (graphCode == 190 || status == 401)
            {
                return (null, MetricsRead.Failed(MetricsReadKind.Unauthorized, $"{network} refused the access: {message}"));
            }

            if (status is 429 or >= 500 || graphCode is 4 or 17 or 32 or 613 or 80001 or 80002 ||
                PlatformHttp.GoogleReason(body) is "rateLimitExceeded" or "userRateLimitExceeded" or "quotaExceeded" ||
                PlatformHttp.String(error?["status"]) == "RESOURCE_EXHAUSTED")
            {
                return (null, MetricsRead.Failed(MetricsReadKind.RetryLater, $"{network} asked to wait: {message}", PlatformHttp.RetryAfter(response, clock)));
            }

            return (null, MetricsRead.Failed(MetricsReadKind.Refused, $"{network} did not give the metrics ({status}): {message}"));
        }
    }

    /// <summary>A JSON number (or a number in a string, as Google sends int64 values) as a count; null when absent.</summary>
    public static long? Count(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)Math.Round(d),
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Adds the count at <paramref name="node"/> under <paramref name="kind"/> when the network sent one.</summary>
    public static void Put(Dictionary<Domain.Analytics.MetricKind, long> values, Domain.Analytics.MetricKind kind, JsonNode? node)
    {
        if (Count(node) is { } count)
        {
            values[kind] = values.GetValueOrDefault(kind) + count;
        }
    }
}
