using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Content;

internal static class ContentHelpers
{
    public static readonly string[] Platforms = ["linkedIn", "x", "facebook", "instagram", "googleBusiness", "bluesky", "threads", "pinterest", "youTube", "tikTok"];

    /// <summary>The account id each fake network expects for a connection of this platform.</summary>
    public static string AccountIdFor(string platform) => platform switch
    {
        "linkedIn" => "urn:li:organization:4242",
        "x" => "1700000000",
        "facebook" => "1010101010",
        "instagram" => "17841400000000000",
        "bluesky" => "did:plc:acmebskysocial",
        "threads" => "25000000000000001",
        "pinterest" => FakePinterest.AccountId,
        "youTube" => FakeYouTube.ChannelId,
        "tikTok" => FakeTikTok.OpenId,
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

    /// <summary>The media a post on <paramref name="platform"/> needs: an image for Instagram and Pinterest, a video for YouTube and TikTok.</summary>
    public static Guid[]? MediaFor(string platform, Guid image, Guid video) => platform switch
    {
        "instagram" or "pinterest" => [image],
        "youTube" or "tikTok" => [video],
        _ => null,
    };

    /// <summary>The settings a post on <paramref name="platform"/> needs to be scheduled (a Pinterest board, ...), or null.</summary>
    public static object? OptionsFor(string platform) => platform switch
    {
        "pinterest" => new { boardId = FakePinterest.RecipesBoard, title = "Autumn menu", link = "https://acme.example/menu" },
        "youTube" => new { title = "Autumn menu", privacy = "unlisted", tags = new[] { "bakery", "autumn menu" } },
        "tikTok" => new { privacy = "MUTUAL_FOLLOW_FRIENDS", disableComment = true },
        _ => null,
    };

    /// <summary>
    /// A draft with one variant; the marker in the text lets the fakes count what the post caused. Without
    /// <paramref name="options"/>, the settings the network needs (<see cref="OptionsFor"/>).
    /// </summary>
    public static async Task<Guid> CreatePostAsync(
        Account account, string platform, string text, Guid[]? media = null, string? at = null, string title = "Launch post", object? options = null)
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/content", new
        {
            title,
            variants = new[] { new { platform, text, mediaAssetIds = media ?? [], options = options ?? OptionsFor(platform) } },
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

    /// <summary>
    /// An image (or other) asset row straight in the tenant's schema: publishing needs only the row and a storage key. A
    /// video is an MP4 of the fake storage's size (networks that take the bytes read them from it).
    /// </summary>
    public static async Task<Guid> InsertAssetAsync(ApiFactory factory, Account account, string type = "Image")
    {
        var id = Guid.NewGuid();
        await factory.ExecuteSqlAsync(AssetRowSql(id, account, type));
        return id;
    }

    public static string AssetRowSql(Guid id, Account account, string type)
    {
        var (mediaType, size, extension) = type == "Video" ? ("video/mp4", FakeFileStorage.Length, "mp4") : ("image/png", 1234, "png");
        return $"""
            INSERT INTO "tenant_{account.TenantId:N}".brand_assets (id, name, original_file_name, type, media_type, size_bytes, sha256, storage_key, state,
                processing_attempts, chunk_count, uploaded_by, created_at, updated_at, tags, width, height, duration_seconds)
            VALUES ('{id}', 'clip', 'clip.{extension}', '{type}', '{mediaType}', {size}, '{Guid.NewGuid():N}{Guid.NewGuid():N}',
                'tenant-{account.TenantId:N}/assets/{id:N}/original.{extension}', 'Ready', 1, 0, '{account.UserId}', now(), now(), ARRAY[]::text[],
                1080, {(type == "Video" ? 1920 : 1080)}, {(type == "Video" ? "42" : "NULL")})
            """;
    }
}
