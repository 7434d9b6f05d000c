using System.Globalization;
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
    private const int MaxMessageLength = 300;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? settings.Model;
        using var response = await SendAsync($"v1beta/models/{Uri.EscapeDataString(model)}:generateContent", Request(messages, options), stream: false, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var reply = Read(document.RootElement);
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
            $"v1beta/models/{Uri.EscapeDataString(model)}:streamGenerateContent?alt=sse", Request(messages, options), stream: true, cancellationToken);
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

            var reply = Read(document.RootElement);
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

    /// <summary>The GenerateContentRequest for the messages and options.</summary>
    public static JsonObject Request(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var system = new List<string>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            system.Add(options.Instructions);
        }

        var contents = new JsonArray();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                system.Add(message.Text);
                continue;
            }

            contents.Add(new JsonObject
            {
                ["role"] = message.Role == ChatRole.Assistant ? "model" : "user",
                ["parts"] = new JsonArray(new JsonObject { ["text"] = message.Text }),
            });
        }

        var request = new JsonObject { ["contents"] = contents };
        if (system.Count > 0)
        {
            request["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(system.Select(s => (JsonNode)new JsonObject { ["text"] = s }).ToArray()) };
        }

        var generation = new JsonObject();
        if (options?.Temperature is { } temperature)
        {
            generation["temperature"] = temperature;
        }

        if (options?.MaxOutputTokens is { } maxTokens)
        {
            generation["maxOutputTokens"] = maxTokens;
        }

        if (options?.TopP is { } topP)
        {
            generation["topP"] = topP;
        }

        if (options?.StopSequences is { Count: > 0 } stops)
        {
            generation["stopSequences"] = new JsonArray(stops.Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
        }

        if (options?.ResponseFormat is ChatResponseFormatJson json)
        {
            generation["responseMimeType"] = "application/json";
            if (json.Schema is { } schema)
            {
                generation["responseSchema"] = GeminiSchema.From(schema);
            }
        }

        if (generation.Count > 0)
        {
            request["generationConfig"] = generation;
        }

        return request;
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

    private static Reply Read(JsonElement root)
    {
        if (root.TryGetProperty("promptFeedback", out var feedback) && feedback.TryGetProperty("blockReason", out var blocked))
        {
            throw new ExternalServiceException(ServiceName, $"Gemini declined to answer this request (blocked: {blocked.GetString()}). Rephrase it and try again.");
        }

        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        if (root.TryGetProperty("candidates", out var candidates) && candidates.ValueKind == JsonValueKind.Array && candidates.GetArrayLength() > 0)
        {
            var candidate = candidates[0];
            if (candidate.TryGetProperty("content", out var content) && content.TryGetProperty("parts", out var parts))
            {
                foreach (var part in parts.EnumerateArray())
                {
                    // Thought summaries of thinking models are not part of the answer.
                    if (part.TryGetProperty("text", out var piece) && !(part.TryGetProperty("thought", out var thought) && thought.ValueKind == JsonValueKind.True))
                    {
                        text.Append(piece.GetString());
                    }
                }
            }

            if (candidate.TryGetProperty("finishReason", out var reason))
            {
                finish = reason.GetString() switch
                {
                    "STOP" => ChatFinishReason.Stop,
                    "MAX_TOKENS" => ChatFinishReason.Length,
                    "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" => ChatFinishReason.ContentFilter,
                    _ => null,
                };
            }
        }

        UsageDetails? usage = null;
        if (root.TryGetProperty("usageMetadata", out var metadata))
        {
            usage = new UsageDetails
            {
                InputTokenCount = Count(metadata, "promptTokenCount"),
                OutputTokenCount = Count(metadata, "candidatesTokenCount"),
                TotalTokenCount = Count(metadata, "totalTokenCount"),
            };
        }

        var modelVersion = root.TryGetProperty("modelVersion", out var version) ? version.GetString() : null;
        return new Reply(text.ToString(), finish, usage, modelVersion);
    }

    private static long? Count(JsonElement metadata, string name) =>
        metadata.TryGetProperty(name, out var value) && value.TryGetInt64(out var count) ? count : null;

    private sealed record Reply(string Text, ChatFinishReason? FinishReason, UsageDetails? Usage, string? ModelVersion);

    /// <summary>Gemini's error body: <c>{"error": {"code", "message", "status", "details": [...]}}</c>.</summary>
    private sealed record GeminiError(HttpStatusCode Code, string Status, string Message, TimeSpan? RetryDelay)
    {
        public static async Task<GeminiError> ReadAsync(HttpResponseMessage response, string model, CancellationToken cancellationToken)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            try
            {
                using var document = JsonDocument.Parse(body);
                return From(response.StatusCode, document.RootElement, model);
            }
            catch (JsonException)
            {
                return new GeminiError(response.StatusCode, response.ReasonPhrase ?? "", body.Length > MaxMessageLength ? body[..MaxMessageLength] : body, null);
            }
        }

        public static GeminiError From(HttpStatusCode code, JsonElement root, string model)
        {
            if (!root.TryGetProperty("error", out var error))
            {
                return new GeminiError(code, "", "", null);
            }

            var status = error.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
            var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            if (error.TryGetProperty("code", out var c) && c.TryGetInt32(out var numeric))
            {
                code = (HttpStatusCode)numeric;
            }

            TimeSpan? retryDelay = null;
            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    if (detail.TryGetProperty("@type", out var type) && type.GetString() == "type.googleapis.com/google.rpc.RetryInfo" &&
                        detail.TryGetProperty("retryDelay", out var delay))
                    {
                        retryDelay = Duration(delay.GetString());
                    }
                }
            }

            return new GeminiError(code, status, message.Length > MaxMessageLength ? message[..MaxMessageLength] + "…" : message, retryDelay);
        }

        public ExternalServiceException ToException(string model, int retried = 0)
        {
            var what = $"{(int)Code} {Status}".Trim();
            var detail = string.IsNullOrWhiteSpace(Message) ? "" : $": {Message}";
            return new ExternalServiceException(ServiceName, Code switch
            {
                HttpStatusCode.BadRequest => $"Gemini refused the request as invalid ({what}){detail}",
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"Gemini refused access ({what}); an administrator needs to check the AI key{detail}",
                HttpStatusCode.NotFound => $"Gemini does not know the model '{model}' ({what}); an administrator needs to check the model name{detail}",
                HttpStatusCode.TooManyRequests => retried > 0
                    ? $"Gemini's quota is exhausted ({what}) and {retried} retries did not help; try again later{detail}"
                    : $"Gemini's quota is exhausted ({what}); try again later{detail}",
                _ => $"Gemini failed ({what}){detail}",
            });
        }

        /// <summary>A protobuf Duration in JSON: seconds with an "s" suffix, e.g. "3s" or "1.5s".</summary>
        private static TimeSpan? Duration(string? value) =>
            value is { Length: > 1 } && value.EndsWith('s') &&
            double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemini answered {Code} {Status}; retrying in {Seconds:0.0} s (retry {Retry})")]
    private static partial void LogRetrying(ILogger logger, int code, string status, double seconds, int retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemini could not be reached; retrying (retry {Retry})")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, int retry);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gemini refused the request: {Code} {Status}: {Message}")]
    private static partial void LogRefused(ILogger logger, int code, string status, string message);
}
