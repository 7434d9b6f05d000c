using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using Npgsql;

namespace BrandAutomator.WebApi.Tests.Drive;

/// <summary>The API with Google Drive (its OAuth endpoints and v3 API) pointed at <see cref="FakeGoogleDrive"/>.</summary>
public sealed class DriveFactory : ApiFactory
{
    public FakeGoogleDrive Drive { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Drive = await FakeGoogleDrive.StartAsync();
        foreach (var (key, value) in Drive.Settings())
        {
            WithSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Drive.DisposeAsync();
    }
}

internal static class DriveFlow
{
    /// <summary>
    /// Connects Drive as a browser would: the API's authorisation address, the fake's consent redirect back to the
    /// callback, the callback (on <paramref name="callbackClient"/>, which may be another node, and must not follow
    /// redirects) and its redirect to the SPA.
    /// </summary>
    public static async Task ConnectAsync(HttpClient admin, HttpClient callbackClient)
    {
        var start = await admin.PostAsync("/api/v1/drive/connect", null);
        await start.EnsureStatusAsync(HttpStatusCode.OK);
        var authorizationUrl = (await start.Content.ReadFromJsonAsync<JsonObject>())!["authorizationUrl"]!.GetValue<string>();
        Assert.Contains("scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive.readonly", authorizationUrl, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorizationUrl, StringComparison.Ordinal);

        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var consent = await browser.GetAsync(authorizationUrl);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var callback = consent.Headers.Location!;
        var back = await callbackClient.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/app/files/drive?connected=1", back.Headers.Location!.OriginalString);
    }

    /// <summary>Waits until the import has finished (or failed), and returns it.</summary>
    public static async Task<JsonObject> WaitForImportAsync(HttpClient client, Guid sourceId, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var overview = (await client.GetFromJsonAsync<JsonObject>("/api/v1/drive"))!;
            var source = overview["imports"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == sourceId)!.AsObject();
            var state = source["state"]!.GetValue<string>();
            if (state is "imported" or "failed")
            {
                return source;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The import is still {state} after {within.TotalSeconds} s.");
            await Task.Delay(250);
        }
    }

    /// <summary>The tenant's assets imported from Drive by file id: (asset id, version, status, state), straight from the table.</summary>
    public static async Task<Dictionary<string, (Guid Id, int Version, string Status, string State)>> AssetsAsync(string connectionString, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT origin_file_id, id, version, status, state FROM \"tenant_{tenantId:N}\".brand_assets WHERE origin_file_id IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var assets = new Dictionary<string, (Guid, int, string, string)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            assets.Add(reader.GetString(0), (reader.GetGuid(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4)));
        }

        return assets;
    }
}
