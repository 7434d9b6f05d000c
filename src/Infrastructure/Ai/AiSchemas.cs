using System.Text.Json;

namespace BrandAutomator.Infrastructure.Ai;

/// <summary>
/// The JSON schemas of the structured results: sent to the provider as the response format and checked against what
/// it returns. Written out by hand so that they use only keywords every provider accepts.
/// </summary>
public static class AiSchemas
{
    public static readonly JsonElement BrandStrategy = Parse("""
        {
          "type": "object",
          "properties": {
            "vision": { "type": "string", "maxLength": 2000 },
            "mission": { "type": "string", "maxLength": 2000 },
            "values": {
              "type": "array", "minItems": 1, "maxItems": 10,
              "items": {
                "type": "object",
                "properties": { "name": { "type": "string", "maxLength": 60 }, "description": { "type": "string", "maxLength": 500 } },
                "required": ["name", "description"]
              }
            },
            "positioningStatement": { "type": "string", "maxLength": 2000 },
            "voiceGuidelines": {
              "type": "object",
              "properties": {
                "tone": { "type": "string", "maxLength": 600 },
                "do": { "type": "array", "maxItems": 10, "items": { "type": "string", "maxLength": 200 } },
                "avoid": { "type": "array", "maxItems": 10, "items": { "type": "string", "maxLength": 200 } }
              },
              "required": ["tone", "do", "avoid"]
            },
            "taglines": { "type": "array", "minItems": 1, "maxItems": 10, "items": { "type": "string", "maxLength": 120 } },
            "colours": { "type": "array", "maxItems": 8, "items": { "type": "string", "maxLength": 7 } },
            "passages": { "type": "array", "items": { "type": "integer" } },
            "results": {
              "type": "object",
              "properties": {
                "findings": { "type": "array", "maxItems": 8, "items": { "type": "string", "maxLength": 400 } },
                "recommendations": { "type": "array", "maxItems": 8, "items": { "type": "string", "maxLength": 400 } },
                "passages": { "type": "array", "items": { "type": "integer" } }
              },
              "required": ["findings", "recommendations"]
            }
          },
          "required": ["vision", "mission", "values", "positioningStatement", "voiceGuidelines", "taglines"]
        }
        """);

    private const string Finding = """
        {
          "type": "object",
          "properties": {
            "statement": { "type": "string", "maxLength": 600 },
            "profileFields": { "type": "array", "items": { "type": "string", "enum": ["name", "description", "industry", "website", "targetAudience", "coreProblem", "brandVoice", "vision", "mission", "values", "positioningStatement"] } },
            "passages": { "type": "array", "items": { "type": "integer" } },
            "inference": { "type": "boolean" },
            "needsResearch": { "type": "boolean" }
          },
          "required": ["statement", "profileFields", "passages", "inference", "needsResearch"]
        }
        """;

    public static readonly JsonElement MarketAnalysis = Parse($$"""
        {
          "type": "object",
          "properties": {
            "competitors": { "type": "array", "maxItems": 10, "items": {{Finding}} },
            "positioningOpportunities": { "type": "array", "maxItems": 10, "items": {{Finding}} },
            "audienceInsights": { "type": "array", "maxItems": 10, "items": {{Finding}} },
            "risks": { "type": "array", "maxItems": 10, "items": {{Finding}} }
          },
          "required": ["competitors", "positioningOpportunities", "audienceInsights", "risks"]
        }
        """);

    public static readonly JsonElement PostDrafts = Parse("""
        {
          "type": "object",
          "properties": {
            "drafts": {
              "type": "array", "maxItems": 25,
              "items": {
                "type": "object",
                "properties": {
                  "platform": { "type": "string", "enum": ["linkedIn", "x", "facebook", "instagram", "googleBusiness"] },
                  "text": { "type": "string", "maxLength": 63206 },
                  "passages": { "type": "array", "items": { "type": "integer" } }
                },
                "required": ["platform", "text"]
              }
            }
          },
          "required": ["drafts"]
        }
        """);

    public static readonly JsonElement ProfileBios = Parse("""
        {
          "type": "object",
          "properties": {
            "texts": {
              "type": "array", "maxItems": 20,
              "items": {
                "type": "object",
                "properties": {
                  "platform": { "type": "string", "enum": ["linkedIn", "x", "facebook", "instagram", "googleBusiness"] },
                  "field": { "type": "string", "enum": ["bio", "tagline", "about", "description"] },
                  "text": { "type": "string", "maxLength": 4000 }
                },
                "required": ["platform", "field", "text"]
              }
            }
          },
          "required": ["texts"]
        }
        """);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>
/// Checks a JSON value against the schema vocabulary <see cref="AiSchemas"/> uses (type, properties, required, items,
/// enum, minItems/maxItems, maxLength), and says where the first few problems are.
/// </summary>
public static class JsonSchemaCheck
{
    public static IReadOnlyList<string> Problems(JsonElement schema, JsonElement value)
    {
        var problems = new List<string>();
        Check(schema, value, "$", problems);
        return problems;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (problems.Count >= 5)
        {
            return;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        var matches = type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!matches)
        {
            problems.Add($"{path} is not {type}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.ValueKind == value.ValueKind && a.GetRawText() == value.GetRawText()))
        {
            problems.Add($"{path} is not one of the allowed values");
        }

        switch (type)
        {
            case "object":
                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            problems.Add($"{path}.{name} is missing");
                        }
                    }
                }

                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        if (value.TryGetProperty(property.Name, out var child) && child.ValueKind != JsonValueKind.Null)
                        {
                            Check(property.Value, child, $"{path}.{property.Name}", problems);
                        }
                    }
                }

                break;
            case "array":
                var count = value.GetArrayLength();
                if (schema.TryGetProperty("minItems", out var min) && count < min.GetInt32())
                {
                    problems.Add($"{path} has fewer than {min.GetInt32()} items");
                }

                if (schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32())
                {
                    problems.Add($"{path} has more than {max.GetInt32()} items");
                }

                if (schema.TryGetProperty("items", out var items))
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(items, item, $"{path}[{index++}]", problems);
                    }
                }

                break;
            case "string":
                if (schema.TryGetProperty("maxLength", out var maxLength) && value.GetString()!.Length > maxLength.GetInt32())
                {
                    problems.Add($"{path} is longer than {maxLength.GetInt32()} characters");
                }

                break;
        }
    }
}
