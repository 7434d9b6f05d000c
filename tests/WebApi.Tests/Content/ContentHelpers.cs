using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Content;

internal static class ContentHelpers
{
    public static readonly string[] Platforms = ["linkedIn", "x", "facebook", "instagram", "googleBusiness", "bluesky", "threads"];

    /// <summary>The account id each fake network expects for a connection of this platform.</summary>
    public static string AccountIdFor(string platform) => platform switch
    {
        "linkedIn" => "urn:li:organization:4242",
        "x" => "1700000000",
        "facebook" => "1010101010",
        "instagram" => "17841400000000000",
        "bluesky" => "did:plc:acmebskysocial",
        "threads" => "25000000000000001",
        _ => "accounts/111/locations/222",
    };

    public static async Task<JsonObject> ConnectAsync(Account admin, string platform, string accessToken = "at-original", string? refreshToken = null)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/social/connections", new
        {
            platform,
            externalAccountId = AccountIdFor(platform),
            displayName = $"Acme on {platform}",
            accessToken,
            refreshToken,
        });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task ConnectAllAsync(Account admin, string? refreshToken = null)
    {
        foreach (var platform in Platforms)
        {
            await ConnectAsync(admin, platform, refreshToken: refreshToken);
        }
    }

    /// <summary>A draft with one variant; the marker in the text lets the fakes count what the post caused.</summary>
    public static async Task<Guid> CreatePostAsync(Account account, string platform, string text, Guid[]? media = null, string? at = null, string title = "Launch post")
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/content", new
        {
            title,
            variants = new[] { new { platform, text, mediaAssetIds = media ?? [] } },
            at,
        });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> ScheduleAsync(Account account, Guid id, DateTimeOffset at, string? idempotencyKey = null) =>
        ScheduleAsync(account, [(id, at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture))], idempotencyKey);

    public static async Task<HttpResponseMessage> ScheduleAsync(Account account, IEnumerable<(Guid Id, string? At)> items, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/automation/schedule-content")
        {
            Content = JsonContent.Create(new { items = items.Select(i => new { id = i.Id, at = i.At }).ToArray() }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await account.Client.SendAsync(request);
    }

    public static async Task<JsonObject> GetPostAsync(Account account, Guid id) =>
        (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/content/{id}"))!;

    /// <summary>Polls the post until it reaches one of <paramref name="states"/>, failing with its last state after the timeout.</summary>
    public static async Task<JsonObject> WaitForStateAsync(Account account, Guid id, TimeSpan timeout, params string[] states)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject post;
        do
        {
            post = await GetPostAsync(account, id);
            if (states.Contains(post["state"]!.GetValue<string>()))
            {
                return post;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"Post {id} is {post["state"]} after {timeout}, expected {string.Join(" or ", states)}: {post.ToJsonString()}");
    }

    /// <summary>An image (or other) asset row straight in the tenant's schema: publishing needs only the row and a storage key.</summary>
    public static async Task<Guid> InsertAssetAsync(ApiFactory factory, Account account, string type = "Image")
    {
        var id = Guid.NewGuid();
        var schema = $"tenant_{account.TenantId:N}";
        await factory.ExecuteSqlAsync($"""
            INSERT INTO "{schema}".brand_assets (id, name, original_file_name, type, media_type, size_bytes, sha256, storage_key, state,
                processing_attempts, chunk_count, uploaded_by, created_at, updated_at, tags)
            VALUES ('{id}', 'photo', 'photo.png', '{type}', 'image/png', 1234, '{Guid.NewGuid():N}{Guid.NewGuid():N}',
                'tenant-{account.TenantId:N}/assets/{id:N}/original.png', 'Ready', 1, 0, '{account.UserId}', now(), now(), ARRAY[]::text[])
            """);
        return id;
    }
}
