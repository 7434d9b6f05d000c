using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrandAutomator.Infrastructure.Ai.Gemini;

/// <summary>
/// Turns a JSON Schema into Gemini's <c>responseSchema</c>, an OpenAPI 3.0 subset: upper-case type names, and only the
/// keywords it knows (others, such as <c>additionalProperties</c> or <c>$schema</c>, make Gemini refuse the request).
/// </summary>
public static class GeminiSchema
{
    private static readonly HashSet<string> Copied = new(StringComparer.Ordinal)
    {
        "description", "enum", "format", "nullable", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "required", "title",
    };

    public static JsonNode From(JsonElement schema) => Convert(JsonNode.Parse(schema.GetRawText())!.AsObject());

    private static JsonObject Convert(JsonObject schema)
    {
        var result = new JsonObject();
        foreach (var (name, value) in schema)
        {
            switch (name)
            {
                case "type" when value is JsonValue type:
                    result["type"] = type.GetValue<string>().ToUpperInvariant();
                    break;
                case "type" when value is JsonArray types:
                    // ["string", "null"]: Gemini says nullable instead.
                    var named = types.Select(t => t!.GetValue<string>()).ToList();
                    result["type"] = named.First(t => t != "null").ToUpperInvariant();
                    if (named.Contains("null"))
                    {
                        result["nullable"] = true;
                    }

                    break;
                case "properties" when value is JsonObject properties:
                    var converted = new JsonObject();
                    foreach (var (property, propertySchema) in properties)
                    {
                        converted[property] = Convert(propertySchema!.AsObject());
                    }

                    result["properties"] = converted;
                    result["propertyOrdering"] = new JsonArray(properties.Select(p => (JsonNode)JsonValue.Create(p.Key)).ToArray());
                    break;
                case "items" when value is JsonObject items:
                    result["items"] = Convert(items);
                    break;
                default:
                    if (Copied.Contains(name))
                    {
                        result[name] = value?.DeepClone();
                    }

                    break;
            }
        }

        return result;
    }
}
