using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Errors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Infrastructure.Ai.Gemini;

/// <summary>What the Gemini adapter needs from <see cref="AiOptions"/>.</summary>
public sealed record GeminiSettings(Uri BaseUrl, string ApiKey, string Model, int MaxRetries, TimeSpan MaxRetryDelay);

/// <summary>
/// Gemini's REST API behind <see cref="IChatClient"/>: <c>POST v1beta/models/{model}:generateContent</c> and
/// <c>:streamGenerateContent?alt=sse</c> with the key in <c>x-goog-api-key</c>; instructions go in <c>systemInstruction</c>,
/// a JSON response format becomes <c>responseMimeType</c> + <c>responseSchema</c>. A 429 <c>RESOURCE_EXHAUSTED</c> waits out
/// the <c>google.rpc.RetryInfo</c> delay it carries and retries, as do 500/503/504 with backoff, a bounded number of times;
/// 400, 403 and 404 are the request's fault and are reported at once as <see cref="ExternalServiceException"/>.
/// </summary>
public sealed partial class GeminiChatClient(HttpClient http, GeminiSettings settings, TimeProvider clock, ILogger<GeminiChatClient> logger) : IChatClient
{
    public const string ServiceName = "Gemini";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? settings.Model;
        using var response = await SendAsync($"v1beta/models/{Uri.EscapeDataString(model)}:generateContent", GeminiWire.Request(messages, options), stream: false, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var reply = GeminiWire.Read(document.RootElement);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply.Text))
        {
            ModelId = reply.ModelVersion ?? model,
            FinishReason = reply.FinishReason,
            Usage = reply.Usage,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? settings.Model;
        using var response = await SendAsync(
            $"v1beta/models/{Uri.EscapeDataString(model)}:streamGenerateContent?alt=sse", GeminiWire.Request(messages, options), stream: true, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        // Each event is one GenerateContentResponse holding the next piece of the text; it is passed on as it arrives.
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(item.Data))
            {
                continue;
            }

            using var document = JsonDocument.Parse(item.Data);
            if (document.RootElement.TryGetProperty("error", out _))
            {
                throw GeminiError.From(HttpStatusCode.InternalServerError, document.RootElement, model).ToException(model);
            }

            var reply = GeminiWire.Read(document.RootElement);
            var update = new ChatResponseUpdate(ChatRole.Assistant, reply.Text) { ModelId = reply.ModelVersion ?? model, FinishReason = reply.FinishReason };
            if (reply.Usage is { } usage)
            {
                update.Contents.Add(new UsageContent(usage));
            }

            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("gemini", settings.BaseUrl, settings.Model)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The HttpClient belongs to the factory that made it.
    }

    private async Task<HttpResponseMessage> SendAsync(string path, JsonObject body, bool stream, CancellationToken cancellationToken)
    {
        var content = body.ToJsonString();
        var model = settings.Model;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, path))
            {
                Content = new StringContent(content, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-goog-api-key", settings.ApiKey);

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < settings.MaxRetries)
            {
                LogUnreachable(logger, ex, attempt + 1);
                await Task.Delay(Backoff(attempt), clock, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new ExternalServiceException(ServiceName, "Gemini could not be reached. Try again in a moment.", ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ExternalServiceException(ServiceName, "Gemini did not answer in time. Try again in a moment.", ex);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            GeminiError error;
            using (response)
            {
                error = await GeminiError.ReadAsync(response, model, cancellationToken);
            }

            var delay = RetryDelay(error, attempt);
            if (delay is null)
            {
                LogRefused(logger, (int)error.Code, error.Status, error.Message);
                throw error.ToException(model, retried: attempt);
            }

            LogRetrying(logger, (int)error.Code, error.Status, delay.Value.TotalSeconds, attempt + 1);
            await Task.Delay(delay.Value, clock, cancellationToken);
        }
    }

    /// <summary>How long to wait before retrying, or null when the error is not retried (or retries are used up).</summary>
    private TimeSpan? RetryDelay(GeminiError error, int attempt)
    {
        if (attempt >= settings.MaxRetries)
        {
            return null;
        }

        var delay = error.Code switch
        {
            HttpStatusCode.TooManyRequests => error.RetryDelay ?? Backoff(attempt),
            HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => Backoff(attempt),
            _ => (TimeSpan?)null,
        };
        return delay is { } wait && wait <= settings.MaxRetryDelay ? wait : null;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt)) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemini answered {Code} {Status}; retrying in {Seconds:0.0} s (retry {Retry})")]
    private static partial void LogRetrying(ILogger logger, int code, string status, double seconds, int retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemini could not be reached; retrying (retry {Retry})")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, int retry);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gemini refused the request: {Code} {Status}: {Message}")]
    private static partial void LogRefused(ILogger logger, int code, string status, string message);
}
