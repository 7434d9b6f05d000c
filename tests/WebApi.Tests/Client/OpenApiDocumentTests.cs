using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Client;

/// <summary>
/// Third parties generate clients from the OpenAPI document, so it is held to a standard: every operation has a stable
/// operationId, a summary, its security stated (<c>security: []</c> when anyone may call it) and its error responses as
/// problem details. The security it states is checked against what the server enforces. New endpoints are covered
/// without editing this test, because it reads the document.
/// </summary>
public sealed partial class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly string[] ProblemSchemas =
    [
        "#/components/schemas/ProblemDetails",
        "#/components/schemas/HttpValidationProblemDetails",
    ];

    [Fact]
    public async Task OpenApi_every_operation_has_an_operation_id_a_summary_its_security_and_problem_details_for_its_errors()
    {
        var failures = new List<string>();
        var operationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var operations = await OperationsAsync();

        foreach (var (name, path, operation) in operations)
        {
            var operationId = operation["operationId"]?.GetValue<string>();
            if (operationId is null || !PascalCase().IsMatch(operationId))
            {
                failures.Add($"{name}: operationId '{operationId}' is missing or not a PascalCase verb and noun (add .WithName(\"VerbNoun\")).");
            }
            else if (!operationIds.TryAdd(operationId, name))
            {
                failures.Add($"{name}: operationId '{operationId}' is also used by {operationIds[operationId]}.");
            }

            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
            {
                failures.Add($"{name}: no summary (add .WithSummary(...)).");
            }

            var responses = operation["responses"]?.AsObject() ?? [];
            var statuses = responses.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            switch (operation["security"])
            {
                case JsonArray { Count: 0 }:
                    break;
                case JsonArray and [JsonObject requirement] when requirement.Count == 1 && requirement["Bearer"] is JsonArray:
                // Endpoints open to workspace API keys accept one instead of a token, and say which permission it needs.
                case JsonArray and [JsonObject bearer, JsonObject key] when bearer.Count == 1 && bearer["Bearer"] is JsonArray &&
                                                                           key.Count == 1 && key["ApiKey"] is JsonArray &&
                                                                           operation["description"]?.GetValue<string>().Contains("API keys need the", StringComparison.Ordinal) == true:
                    failures.AddRange(new[] { "401", "403" }.Where(s => !statuses.Contains(s)).Select(s => $"{name}: requires a token but declares no {s}."));
                    break;
                default:
                    failures.Add($"{name}: security is {operation["security"]?.ToJsonString() ?? "absent"}; expected [] (anonymous), the Bearer scheme, or Bearer or ApiKey.");
                    break;
            }

            if (!statuses.Any(s => s.StartsWith('4')))
            {
                failures.Add($"{name}: declares no 4xx response.");
            }

            if (path.Contains('{', StringComparison.Ordinal) && !statuses.Contains("404"))
            {
                failures.Add($"{name}: its path names something, but it declares no 404.");
            }

            if (operation["requestBody"] is not null && !statuses.Contains("400"))
            {
                failures.Add($"{name}: takes a body, but declares no 400.");
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var schema = response?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                if (schema is null || !ProblemSchemas.Contains(schema))
                {
                    failures.Add($"{name}: {status} is not declared as application/problem+json problem details ({response?.ToJsonString()}).");
                }

                if (string.IsNullOrWhiteSpace(response?["description"]?.GetValue<string>()))
                {
                    failures.Add($"{name}: {status} has no description.");
                }
            }
        }

        Assert.True(operations.Count >= 80, $"Only {operations.Count} operations were found.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task OpenApi_security_matches_what_the_server_enforces_without_a_token()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        var tried = 0;

        foreach (var (name, path, operation) in await OperationsAsync())
        {
            var requiresToken = operation["security"] is JsonArray { Count: > 0 };
            var method = name[..name.IndexOf(' ', StringComparison.Ordinal)];
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path, operation));
            using var response = await client.SendAsync(request);
            tried++;

            if (requiresToken && response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{name} declares the Bearer scheme, but answered {(int)response.StatusCode} without a token.");
            }
            else if (requiresToken && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{name} answered 401 as {response.Content.Headers.ContentType}, not the declared application/problem+json.");
            }
            else if (!requiresToken && response.StatusCode == HttpStatusCode.Unauthorized)
            {
                failures.Add($"{name} declares security: [], but answered 401 without a token.");
            }
        }

        Assert.True(tried >= 80, $"Only {tried} operations were tried.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<List<(string Name, string Path, JsonObject Operation)>> OperationsAsync()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        return
        [
            .. from path in document["paths"]!.AsObject()
               from operation in path.Value!.AsObject()
               where OperationMethods.Contains(operation.Key)
               select ($"{operation.Key.ToUpperInvariant()} {path.Key}", path.Key, operation.Value!.AsObject()),
        ];
    }

    /// <summary>The path with each parameter filled in: an unknown id for uuids, else "x" (which also names a network).</summary>
    private static string Concrete(string path, JsonObject operation)
    {
        var parameters = operation["parameters"]?.AsArray() ?? [];
        return PathParameter().Replace(path, match =>
        {
            var format = parameters.FirstOrDefault(p => p?["name"]?.GetValue<string>() == match.Groups[1].Value)?["schema"]?["format"]?.GetValue<string>();
            return format == "uuid" ? Guid.NewGuid().ToString() : "x";
        });
    }

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();
}
