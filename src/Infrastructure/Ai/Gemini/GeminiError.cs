using System.Globalization;
using System.Net;
using System.Text.Json;
using BrandAutomator.Application.Common.Errors;

namespace BrandAutomator.Infrastructure.Ai.Gemini;

/// <summary>Gemini's error body: <c>{"error": {"code", "message", "status", "details": [...]}}</c>, its message cut to 300 characters.</summary>
internal sealed record GeminiError(HttpStatusCode Code, string Status, string Message, TimeSpan? RetryDelay)
{
    private const int MaxMessageLength = 300;

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
        return new ExternalServiceException(GeminiChatClient.ServiceName, Code switch
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
