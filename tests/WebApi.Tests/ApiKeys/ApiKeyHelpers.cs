using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.ApiKeys;

internal sealed record CreatedKey(Guid Id, string Secret, JsonObject Answer);

internal static class ApiKeyHelpers
{
    public static async Task<CreatedKey> CreateKeyAsync(
        this Account admin, string[] scopes, DateTimeOffset? expiresAt = null, int? requestsPerMinute = null, string name = "n8n flow")
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/api-keys", new { name, scopes, expiresAt, requestsPerMinute });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new CreatedKey(body["key"]!["id"]!.GetValue<Guid>(), body["secret"]!.GetValue<string>(), body);
    }

    /// <summary>A client that presents the key as a bearer value, or in <c>X-Api-Key</c>.</summary>
    public static HttpClient KeyClient(this ApiFactory factory, string secret, bool asHeader = false)
    {
        var client = factory.CreateClient();
        if (asHeader)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        }
        else
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }

    public static object Company(string name = "Keyed Brand") => new { name, description = "Made by a script", industry = "Retail" };
}
