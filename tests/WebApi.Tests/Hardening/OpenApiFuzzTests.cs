using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using Xunit.Abstractions;

namespace BrandAutomator.WebApi.Tests.Hardening;

/// <summary>
/// Property: whatever a client sends to any operation of the OpenAPI document, the API never answers 5xx, and every
/// 4xx is a problem document. Parameters and bodies are built from the document's schemas with hostile values
/// (<see cref="HostileValues"/>), as the workspace admin (anonymous for anonymous operations). The run is seeded
/// (FUZZ_SEED) and bounded: FUZZ_CASES cases per operation (5 by default; raise it for a longer hunt).
/// </summary>
public sealed class OpenApiFuzzTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task No_operation_answers_5xx_or_a_4xx_without_a_problem_document_whatever_it_is_sent()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var configured) ? configured : 5;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var fixedSeed) ? fixedSeed : 18;
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        var schemas = new SchemaSampler(document, new HostileValues(new Random(seed)));
        var admin = await factory.RegisterAsync(company: "Fuzzed workspace");
        var clock = Stopwatch.StartNew();

        var operations = new List<string>();
        var covered = new HashSet<string>();
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, methods) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in methods!.AsObject())
            {
                var operation = node!.AsObject();
                var name = $"{method.ToUpperInvariant()} {path}";
                operations.Add(name);
                var anonymous = operation["security"] is not JsonArray { Count: > 0 };
                for (var i = 0; i < cases; i++)
                {
                    using var request = schemas.Request(method, path, operation, admin.TenantId);
                    if (request is null)
                    {
                        failures.Add($"{name}: the fuzzer cannot build a request for it (a new kind of body or parameter?)");
                        break;
                    }

                    var described = $"{name} -> {request.RequestUri} {Describe(request)}";
                    var response = await SendAsync(anonymous ? factory.CreateClient() : admin.Client, request);
                    if (!anonymous && response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        // The operation ended the session (sign-out, revocation): carry on with a fresh one.
                        admin = await SignInAgainAsync(admin);
                    }

                    sent++;
                    covered.Add(name);
                    if (await ProblemWith(response) is { } problem)
                    {
                        failures.Add($"{described}: {problem}");
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests over {operations.Count} operations ({cases} each, seed {seed}) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Empty(operations.Except(covered));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
    }

    private async Task<Account> SignInAgainAsync(Account account)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        return response.IsSuccessStatusCode
            ? await factory.AccountFromAsync(response, account.Email, account.Password)
            : await factory.RegisterAsync(company: "Fuzzed workspace");
    }

    /// <summary>What is wrong with the answer, or null: a 5xx, or a 4xx that is not an RFC 9457 problem with its status.</summary>
    private static async Task<string?> ProblemWith(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status} {Shorten(body)}";
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} with {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Shorten(body)}";
        }

        try
        {
            var problem = JsonNode.Parse(body)!.AsObject();
            return problem["status"]?.GetValue<int>() == status && problem["title"] is not null ? null : $"{status} problem without status/title: {Shorten(body)}";
        }
        catch (JsonException)
        {
            return $"{status} problem that is not JSON: {Shorten(body)}";
        }
    }

    private static string Describe(HttpRequestMessage request) =>
        request.Content is StringContent content ? Shorten(content.ReadAsStringAsync().Result) : request.Content?.GetType().Name ?? "";

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + $"... ({text.Length} chars)" : text;

    /// <summary>Builds a request for an operation from its parameters and body schema, every value hostile or plausible.</summary>
    private sealed class SchemaSampler(JsonObject document, HostileValues hostile)
    {
        public HttpRequestMessage? Request(string method, string path, JsonObject operation, Guid tenantId)
        {
            var url = new StringBuilder();
            var query = new List<string>();
            var headers = new List<(string Name, string Value)>();
            var resolvedPath = path;
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                var value = ParameterValue(name, Resolve(parameter["schema"]!), tenantId);
                switch (parameter["in"]!.GetValue<string>())
                {
                    case "path":
                        // A NUL in the path never reaches the API: Kestrel refuses the request line (and the test server throws).
                        resolvedPath = resolvedPath.Replace($"{{{name}}}", Uri.EscapeDataString(value.Replace("\0", "", StringComparison.Ordinal)), StringComparison.Ordinal);
                        break;
                    case "query":
                        if (!hostile.Chance(4))
                        {
                            query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                        }

                        break;
                    case "header":
                        headers.Add((name, value));
                        break;
                    default:
                        return null;
                }
            }

            url.Append(resolvedPath);
            if (query.Count > 0)
            {
                url.Append('?').Append(string.Join('&', query));
            }

            var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url.ToString());
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
            }

            if (operation["requestBody"]?["content"] is JsonObject content)
            {
                if (content["application/json"]?["schema"] is { } schema)
                {
                    var json = hostile.Chance(10) ? hostile.Pick(RawBodies) : HostileValues.InJson(Body(schema, 0)?.ToJsonString(Relaxed) ?? "null");
                    request.Content = new StringContent(json, Encoding.UTF8, hostile.Chance(15) ? "text/plain" : "application/json");
                }
                else if (content.ContainsKey("multipart/form-data"))
                {
                    var form = new MultipartFormDataContent();
                    var file = new ByteArrayContent(Encoding.UTF8.GetBytes(HostileValues.InText(hostile.ShortText())));
                    file.Headers.ContentType = new MediaTypeHeaderValue(hostile.Chance(2) ? "text/plain" : "application/octet-stream");
                    // Written by hand: the framework's helper refuses hostile file names, an attacker's client does not.
                    var fileName = HostileValues.InText(hostile.ShortText()).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
                    file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"files\"; filename=\"{fileName}.txt\"");
                    form.Add(file);
                    request.Content = form;
                }
                else
                {
                    return null;
                }
            }

            return request;
        }

        private static readonly string[] RawBodies = ["", "{", "[", "nul", "{\"a\":", "\"\\u0000\"", "{}", "[]", "0", "{\"\\u0000\":1}"];

        private string ParameterValue(string name, JsonObject schema, Guid tenantId)
        {
            if (hostile.Chance(3))
            {
                return HostileValues.InText(hostile.ShortText());
            }

            return schema["format"]?.GetValue<string>() switch
            {
                // The workspace's own id gets past the tenant check into the operation; other ids are someone else's.
                "uuid" => name == "id" || name == "tenantId" ? tenantId.ToString() : Guid.NewGuid().ToString(),
                "int32" or "int64" => hostile.Number()?.ToJsonString() ?? "",
                _ when schema["type"]?.GetValue<string>() == "boolean" => hostile.Chance(2) ? "true" : "maybe",
                _ => HostileValues.InText(hostile.ShortText()),
            };
        }

        private JsonNode? Body(JsonNode schema, int depth)
        {
            var resolved = Resolve(schema);
            if (depth > 6 || hostile.Chance(8))
            {
                return hostile.WrongType();
            }

            if (resolved["enum"] is JsonArray values && !hostile.Chance(3))
            {
                return hostile.Pick(values.ToList())?.DeepClone();
            }

            switch (Type(resolved))
            {
                case "object" or null when resolved["properties"] is JsonObject properties:
                    var body = new JsonObject();
                    foreach (var (name, property) in properties)
                    {
                        if (!hostile.Chance(6))
                        {
                            body[name] = Body(property!, depth + 1);
                        }
                    }

                    return body;
                case "array":
                    var array = new JsonArray();
                    for (var i = hostile.Chance(3) ? 3 : 1; i > 0; i--)
                    {
                        array.Add(Body(resolved["items"] ?? new JsonObject(), depth + 1));
                    }

                    return array;
                case "integer" or "number":
                    return hostile.Number();
                case "boolean":
                    return hostile.Chance(2) ? JsonValue.Create(true) : hostile.WrongType();
                case "string":
                    return resolved["format"]?.GetValue<string>() switch
                    {
                        "uuid" when hostile.Chance(2) => JsonValue.Create(Guid.NewGuid()),
                        "date-time" when hostile.Chance(2) => JsonValue.Create(hostile.Pick(Instants)),
                        _ => JsonValue.Create(hostile.Text()),
                    };
                default:
                    return hostile.WrongType();
            }
        }

        private static readonly string[] Instants = ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-02-29T10:00:00Z", "2031-03-01T09:00:00+14:00"];

        private static string? Type(JsonObject schema) => schema["type"] switch
        {
            JsonValue single => single.GetValue<string>(),
            JsonArray several => several.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            _ => null,
        };

        private JsonObject Resolve(JsonNode schema)
        {
            var node = schema.AsObject();
            while (node["$ref"] is JsonValue reference)
            {
                node = document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!.AsObject();
            }

            return node["allOf"] is JsonArray { Count: 1 } allOf ? Resolve(allOf[0]!)
                : node["oneOf"] is JsonArray { Count: > 0 } oneOf ? Resolve(oneOf[^1]!)
                : node["anyOf"] is JsonArray { Count: > 0 } anyOf ? Resolve(anyOf[^1]!)
                : node;
        }
    }
}
