using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// How a network's answer (or its absence) becomes a <see cref="PublishResult"/>. The line that matters is whether the
/// request may have reached the network: a refused connection did not, so it is retried; a timeout or a connection cut
/// after sending may have, so the post is Unconfirmed unless the step sent is harmless to repeat.
/// </summary>
internal static class PlatformHttp
{
    public static Uri Url(string baseUrl, string path) => new($"{baseUrl.TrimEnd('/')}/{path.TrimStart('/')}");

    /// <summary>
    /// Sends <paramref name="request"/> once and classifies what comes back: the result that replaces a missing or failed
    /// answer (see <see cref="SendAsync"/> and <see cref="FailureAsync"/>), or a success's headers and, when
    /// <paramref name="readBody"/>, its JSON body. <paramref name="repeatable"/> says whether the request is harmless to
    /// send again, which decides whether a lost answer is retried or leaves the post Unconfirmed.
    /// </summary>
    public static async Task<PlatformAnswer> ExchangeAsync(
        HttpClient http, HttpRequestMessage request, string network, bool repeatable, TimeProvider clock, CancellationToken cancellationToken) =>
        await ExchangeAsync(http, request, network, repeatable, clock, readBody: true, cancellationToken);

    /// <inheritdoc cref="ExchangeAsync(HttpClient, HttpRequestMessage, string, bool, TimeProvider, CancellationToken)"/>
    public static async Task<PlatformAnswer> ExchangeAsync(
        HttpClient http, HttpRequestMessage request, string network, bool repeatable, TimeProvider clock, bool readBody,
        CancellationToken cancellationToken)
    {
        var (response, failure) = await SendAsync(http, request, network, repeatable, cancellationToken);
        using (response)
        {
            if (failure is not null)
            {
                return new PlatformAnswer(failure, null, null);
            }

            if (await FailureAsync(response!, network, clock, cancellationToken) is { } refused)
            {
                return new PlatformAnswer(refused, null, null);
            }

            return new PlatformAnswer(null, readBody ? await ReadJsonAsync(response!, cancellationToken) : null, response!.Headers);
        }
    }

    /// <summary>Sends <paramref name="request"/>; a null response comes with the result that replaces it.</summary>
    private static async Task<(HttpResponseMessage? Response, PublishResult? Failure)> SendAsync(
        HttpClient http, HttpRequestMessage request, string network, bool repeatable, CancellationToken cancellationToken)
    {
        try
        {
            return (await http.SendAsync(request, cancellationToken), null);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                                                 or HttpRequestError.ProxyTunnelError)
        {
            // Nothing was sent: no connection was made.
            return (null, PublishResult.Retry($"{network} could not be reached ({e.Message})."));
        }
        catch (HttpRequestException e)
        {
            return (null, repeatable
                ? PublishResult.Retry($"The connection to {network} broke ({e.Message}).")
                : PublishResult.Lost($"The connection to {network} broke after the post was sent ({e.Message}); it is not known whether it was published."));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, repeatable
                ? PublishResult.Retry($"{network} did not answer in time.")
                : PublishResult.Lost($"{network} did not answer in time after the post was sent; it is not known whether it was published."));
        }
    }

    /// <summary>The result of a failed answer (null for a success): 429 and 5xx are retried, 401 is the token, other 4xx are final.</summary>
    private static async Task<PublishResult?> FailureAsync(HttpResponseMessage response, string network, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await ReadJsonAsync(response, cancellationToken);
        var message = Message(body) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var status = (int)response.StatusCode;
        if (GraphError(body) is { } graph)
        {
            // The Graph API answers 400 for expired tokens (code 190) and for its rate limits (4, 17, 32, 613).
            if (graph.Code == 190)
            {
                return PublishResult.Unauthorized($"{network}: {message}");
            }

            if (graph.Code is 4 or 17 or 32 or 613 or 80001 or 80002 || graph.Transient)
            {
                return PublishResult.Retry($"{network} rate limit: {message}", RetryAfter(response, clock));
            }
        }

        // AT Protocol (Bluesky) names its errors: an expired or bad access token is a 400 with error ExpiredToken/InvalidToken.
        if (AtProtoError(body) is "ExpiredToken" or "InvalidToken")
        {
            return PublishResult.Unauthorized($"{network}: {message}");
        }

        // Google APIs (YouTube) answer their rate limits and the day's quota with a 403 and a reason, not a 429.
        if (GoogleReason(body) is "rateLimitExceeded" or "userRateLimitExceeded" or "quotaExceeded")
        {
            return PublishResult.Retry($"{network} rate limit: {message}", RetryAfter(response, clock));
        }

        return status switch
        {
            429 => PublishResult.Retry($"{network} rate limit reached: {message}", RetryAfter(response, clock)),
            401 => PublishResult.Unauthorized($"{network}: {message}"),
            >= 500 => PublishResult.Retry($"{network} is unavailable ({status}): {message}", RetryAfter(response, clock)),
            _ => PublishResult.Rejected($"{network} refused the post ({status}): {message}"),
        };
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The wait a network asks for: <c>Retry-After</c> (seconds or a date), or X's <c>x-rate-limit-reset</c> or AT Protocol's <c>ratelimit-reset</c> (epoch seconds).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
        }

        // AT Protocol's rate limits: ratelimit-reset, also epoch seconds.
        if ((response.Headers.TryGetValues("x-rate-limit-reset", out var values) || response.Headers.TryGetValues("ratelimit-reset", out values)) &&
            long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            var reset = DateTimeOffset.FromUnixTimeSeconds(epoch);
            return reset > now ? reset - now : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>The network's own words: Graph and Google <c>error.message</c>, LinkedIn <c>message</c>, X <c>detail</c> or <c>errors[0].message</c>.</summary>
    public static string? Message(JsonNode? body)
    {
        string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        if (body is not JsonObject json)
        {
            return null;
        }

        var message = Text((json["error"] as JsonObject)?["message"]) ?? Text(json["message"]) ?? Text(json["detail"])
            ?? Text(json["errors"]?[0]?["message"]) ?? Text(json["title"]) ?? Text(json["error_description"]) ?? Text(json["error"]);
        return message is { Length: > 500 } ? message[..500] : message;
    }

    /// <summary>An XRPC error body's name (<c>{"error": "ExpiredToken", "message": "..."}</c>).</summary>
    public static string? AtProtoError(JsonNode? body) => body is JsonObject o && o["error"] is JsonValue name && name.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A Google API error's first reason (<c>{"error": {"errors": [{"reason": "quotaExceeded"}]}}</c>).</summary>
    public static string? GoogleReason(JsonNode? body) =>
        (body?["error"] as JsonObject)?["errors"] is JsonArray { Count: > 0 } errors && errors[0] is JsonObject first ? String(first["reason"]) : null;

    private static (int Code, bool Transient)? GraphError(JsonNode? body) =>
        body?["error"] is JsonObject error && error["code"] is JsonValue code && code.TryGetValue<int>(out var value)
            ? (value, error["is_transient"] is JsonValue t && t.TryGetValue<bool>(out var transient) && transient)
            : null;

    public static string? String(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary>A network's answer to one request: <see cref="Failure"/> when it failed or never came, else its body and headers.</summary>
internal sealed record PlatformAnswer(PublishResult? Failure, JsonNode? Body, System.Net.Http.Headers.HttpResponseHeaders? Headers);
