using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Webhooks;

internal static class WebhookHelpers
{
    public static async Task<(Guid Id, string Secret)> CreateEndpointAsync(this Account admin, Uri url, params string[] events)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/webhooks", new { url, description = "Zapier flow", events });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["endpoint"]!["id"]!.GetValue<Guid>(), body["secret"]!.GetValue<string>());
    }

    public static async Task<JsonArray> AttemptsAsync(this Account admin, Guid endpointId) =>
        (await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/webhooks/{endpointId}/attempts"))!;
}
