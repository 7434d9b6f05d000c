using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.ApiKeys;

namespace BrandAutomator.WebApi.Tests.Idempotency;

/// <summary><c>Idempotency-Key</c> on create endpoints: one creation per key and request, replayed answers, 422 on reuse.</summary>
public sealed class IdempotencyKeyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_same_key_sent_concurrently_creates_one_post_and_every_caller_gets_its_answer()
    {
        var admin = await factory.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostContentAsync(admin.Client, key, "Launch day")));

        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            await response.EnsureStatusAsync(HttpStatusCode.Created);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }

        Assert.Single(ids.Distinct());
        Assert.Equal(7, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        Assert.All(responses, r => Assert.EndsWith($"/api/v1/content/{ids[0]}", r.Headers.Location?.ToString(), StringComparison.Ordinal));
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".content_items"));
    }

    [Fact]
    public async Task A_repeat_gets_the_first_answer_and_a_different_body_with_the_key_is_422()
    {
        var admin = await factory.RegisterAsync();
        var key = "order-" + Guid.NewGuid();
        var first = await PostCompanyAsync(admin.Client, key, "First Brand");
        await first.EnsureStatusAsync(HttpStatusCode.Created);
        var firstBody = await first.Content.ReadAsStringAsync();

        var repeat = await PostCompanyAsync(admin.Client, key, "First Brand");
        await repeat.EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Equal(firstBody, await repeat.Content.ReadAsStringAsync());
        Assert.Equal("application/json", repeat.Content.Headers.ContentType?.MediaType);

        var other = await PostCompanyAsync(admin.Client, key, "Second Brand");
        await other.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", (await other.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // The same key on another create endpoint is another request too.
        var elsewhere = await PostContentAsync(admin.Client, key, "Same key, other endpoint");
        await elsewhere.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);

        var names = JsonNode.Parse(await admin.Client.GetStringAsync("/api/v1/companies"))!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Single(names, n => n == "First Brand");
        Assert.DoesNotContain("Second Brand", names);
    }

    [Fact]
    public async Task Without_a_key_or_with_new_keys_each_request_creates()
    {
        var admin = await factory.RegisterAsync();
        await (await PostContentAsync(admin.Client, null, "One")).EnsureStatusAsync(HttpStatusCode.Created);
        await (await PostContentAsync(admin.Client, null, "One")).EnsureStatusAsync(HttpStatusCode.Created);
        await (await PostContentAsync(admin.Client, "a-" + Guid.NewGuid(), "One")).EnsureStatusAsync(HttpStatusCode.Created);
        await (await PostContentAsync(admin.Client, "b-" + Guid.NewGuid(), "One")).EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Equal(4, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".content_items"));
    }

    [Fact]
    public async Task A_refused_request_is_not_kept_so_the_corrected_retry_with_the_key_runs()
    {
        var admin = await factory.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await (await PostCompanyAsync(admin.Client, key, "")).EnsureStatusAsync(HttpStatusCode.BadRequest);
        await (await PostCompanyAsync(admin.Client, key, "Corrected Brand")).EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task After_24_hours_the_key_may_be_used_afresh()
    {
        var admin = await factory.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await (await PostContentAsync(admin.Client, key, "Day one")).EnsureStatusAsync(HttpStatusCode.Created);
        await factory.ExecuteSqlAsync(
            $"UPDATE \"tenant_{admin.TenantId:N}\".idempotency_records SET created_at = created_at - interval '25 hours' WHERE key = '{key}'");

        var later = await PostContentAsync(admin.Client, key, "Day one");
        await later.EnsureStatusAsync(HttpStatusCode.Created);
        Assert.False(later.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".content_items"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("é-accent")]
    public async Task A_malformed_key_is_a_400_naming_the_header(string key)
    {
        var admin = await factory.RegisterAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/companies") { Content = JsonContent.Create(new { name = "X Brand" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key.Length == 0 ? new string('k', 256) : key);
        var response = await admin.Client.SendAsync(request);
        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ProblemAsync())["errors"]!.AsObject().ContainsKey("Idempotency-Key"));
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".companies WHERE name = 'X Brand'"));
    }

    [Fact]
    public async Task An_upload_repeated_with_a_new_multipart_boundary_stores_one_asset()
    {
        var admin = await factory.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        var png = SampleFiles.Png(40, 30);

        async Task<HttpResponseMessage> UploadAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/onboarding/assets/upload") { Content = Uploads.Form(("logo.png", png)) };
            request.Headers.Add("Idempotency-Key", key);
            return await admin.Client.SendAsync(request);
        }

        var first = await UploadAsync();
        await first.EnsureStatusAsync(HttpStatusCode.Created);
        var again = await UploadAsync();
        await again.EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".brand_assets"));
    }

    [Fact]
    public async Task A_malformed_multipart_body_with_a_key_is_refused_as_without_one_never_a_5xx()
    {
        var admin = await factory.RegisterAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/onboarding/assets/upload")
        {
            Content = new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\nnot finished"u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await admin.Client.SendAsync(request);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".brand_assets"));
    }

    [Fact]
    public async Task An_api_key_gets_the_same_guarantee()
    {
        var admin = await factory.RegisterAsync();
        var apiKey = await admin.CreateKeyAsync(["contentRead", "contentWrite"]);
        var client = factory.KeyClient(apiKey.Secret);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostCompanyAsync(client, key, "Scripted Brand")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".companies WHERE name = 'Scripted Brand'"));
    }

    private static Task<HttpResponseMessage> PostContentAsync(HttpClient client, string? key, string title) =>
        SendAsync(client, "/api/v1/content", key,
            new { title, variants = new[] { new { platform = "linkedIn", text = "We launch today.", mediaAssetIds = Array.Empty<Guid>() } } });

    private static Task<HttpResponseMessage> PostCompanyAsync(HttpClient client, string? key, string name) =>
        SendAsync(client, "/api/v1/companies", key, new { name, description = "A brand", industry = "Retail" });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }
}
