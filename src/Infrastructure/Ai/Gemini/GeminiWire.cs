using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Errors;
using Microsoft.Extensions.AI;

namespace BrandAutomator.Infrastructure.Ai.Gemini;

/// <summary>The text, finish reason, token counts and model version of one GenerateContentResponse (or stream chunk).</summary>
internal sealed record GeminiReply(string Text, ChatFinishReason? FinishReason, UsageDetails? Usage, string? ModelVersion);

/// <summary>Gemini's wire format: the GenerateContentRequest built from chat messages, and the answer read back.</summary>
public static class GeminiWire
{
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

    /// <summary>The answer's text (thought summaries left out), finish reason, usage and model version; a blocked prompt throws.</summary>
    internal static GeminiReply Read(JsonElement root)
    {
        if (root.TryGetProperty("promptFeedback", out var feedback) && feedback.TryGetProperty("blockReason", out var blocked))
        {
            throw new ExternalServiceException(GeminiChatClient.ServiceName, $"Gemini declined to answer this request (blocked: {blocked.GetString()}). Rephrase it and try again.");
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
        return new GeminiReply(text.ToString(), finish, usage, modelVersion);
    }

    private static long? Count(JsonElement metadata, string name) =>
        metadata.TryGetProperty(name, out var value) && value.TryGetInt64(out var count) ? count : null;
}
