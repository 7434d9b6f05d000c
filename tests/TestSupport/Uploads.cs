using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BrandAutomator.TestSupport;

public static class Uploads
{
    public static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(this Account account, params (string Name, byte[] Bytes)[] files) =>
        account.Client.PostAsync("/api/v1/onboarding/assets/upload", Form(files));

    /// <summary>Polls the asset until processing has ended (Ready or Failed).</summary>
    public static async Task<JsonObject> WaitProcessedAsync(this Account account, Guid assetId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var asset = (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/assets/{assetId}"))!;
            var state = asset["state"]!.GetValue<string>();
            if (state is "ready" or "failed" || DateTime.UtcNow > deadline)
            {
                return asset;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<List<Guid>> AssetIdsAsync(this HttpResponseMessage response)
    {
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(a => a!["id"]!.GetValue<Guid>()).ToList();
    }
}
