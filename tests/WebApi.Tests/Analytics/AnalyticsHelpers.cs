using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Analytics;

internal static class AnalyticsHelpers
{
    /// <summary>The network names of the database (the enum's names).</summary>
    public static string Stored(string platform) => char.ToUpperInvariant(platform[0]) + platform[1..];

    /// <summary>
    /// A post that went out on <paramref name="platform"/> at <paramref name="at"/> with the network's id
    /// <paramref name="postId"/>: made through the API, marked published with its attempt as the publishing job leaves them.
    /// </summary>
    public static async Task<Guid> PublishedPostAsync(
        AnalyticsFactory factory, Account admin, string platform, string postId, DateTimeOffset at, string title = "Launch post")
    {
        var media = platform == "instagram" ? new[] { await InsertAssetAsync(factory, admin) } : null;
        var id = await CreatePostAsync(admin, platform, $"{title} on {platform}", media, title: title);
        var connection = await factory.ColumnAsync(
            $"SELECT id::text FROM \"tenant_{admin.TenantId:N}\".social_connections WHERE platform = '{Stored(platform)}' ORDER BY created_at DESC LIMIT 1");
        var when = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        await factory.ExecuteSqlAsync($"""
            UPDATE "tenant_{admin.TenantId:N}".content_items SET state = 'Published', published_at = '{when}+00' WHERE id = '{id}';
            INSERT INTO "tenant_{admin.TenantId:N}".publish_attempts (id, content_item_id, run_id, platform, connection_id, started_at, finished_at, outcome, platform_post_id)
            VALUES ('{Guid.NewGuid()}', '{id}', '{Guid.NewGuid()}', '{Stored(platform)}', '{connection.Single()}', '{when}+00', '{when}+00', 'Published', '{postId}');
            """);
        return id;
    }

    public static async Task<JsonObject> OverviewAsync(Account account, string query = "")
    {
        var response = await account.Client.GetAsync($"/api/v1/analytics{query}");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static long Long(JsonNode? node) => node!.GetValue<long>();

    private static long _next = (DateTime.UtcNow.Ticks / 10_000) % 1_000_000_000_000;

    /// <summary>A network id no other test uses (digits, as X and Graph ids are).</summary>
    public static string NewId() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
