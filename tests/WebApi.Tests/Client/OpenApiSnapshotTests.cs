using System.Text.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Client;

/// <summary>
/// The SPA's TypeScript client is generated from client/openapi.json. This test keeps that snapshot equal to the
/// document the API serves, so a change to an endpoint or a DTO cannot leave the client silently out of date.
/// </summary>
public sealed class OpenApiSnapshotTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string UpdateVariable = "UPDATE_OPENAPI_SNAPSHOT";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    [Fact]
    public async Task OpenApiSnapshot_in_client_matches_the_served_document()
    {
        var served = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var snapshotPath = Path.Combine(RepositoryRoot(), "client", "openapi.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(snapshotPath, served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n");
            return;
        }

        Assert.True(File.Exists(snapshotPath), $"{snapshotPath} is missing. {HowToRefresh}");
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(snapshotPath))!;
        var differences = new List<string>();
        Compare(Canonical(snapshot), Canonical(served), "", differences);

        Assert.True(differences.Count == 0,
            $"client/openapi.json is stale: it differs from the document the API serves at {string.Join("; ", differences.Take(12))}" +
            $"{(differences.Count > 12 ? $" and {differences.Count - 12} more places" : "")}.\n{HowToRefresh}");
    }

    private const string HowToRefresh =
        "Refresh it with `" + UpdateVariable + "=1 dotnet test tests/WebApi.Tests --filter OpenApiSnapshot`, " +
        "then regenerate the TypeScript types with `npm run gen:api` in client/ and commit both.";

    /// <summary>Object keys sorted at every level, so formatting and key order do not count as differences.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    private static void Compare(JsonNode? expected, JsonNode? actual, string pointer, List<string> differences)
    {
        if (expected is JsonObject left && actual is JsonObject right)
        {
            foreach (var key in left.Select(p => p.Key).Union(right.Select(p => p.Key), StringComparer.Ordinal))
            {
                var path = $"{pointer}/{key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                if (!right.ContainsKey(key))
                {
                    differences.Add($"{path} (only in the snapshot)");
                }
                else if (!left.ContainsKey(key))
                {
                    differences.Add($"{path} (only in the API)");
                }
                else
                {
                    Compare(left[key], right[key], path, differences);
                }
            }
        }
        else if (!JsonNode.DeepEquals(expected, actual))
        {
            differences.Add(pointer.Length == 0 ? "/" : pointer);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BrandAutomator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"BrandAutomator.sln was not found above {AppContext.BaseDirectory}.");
    }
}
