using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Content;
using Xunit;

namespace BrandAutomator.WebApi.Tests.Drive;

/// <summary>Two API processes clustered through one database, with Google Drive faked in the test process and synced every 2 s.</summary>
public sealed class DriveCluster : ClusterFixture, IAsyncLifetime
{
    public FakeGoogleDrive Drive { get; } = FakeGoogleDrive.StartAsync().GetAwaiter().GetResult();

    /// <summary>The nodes' file storage, shared as a deployment shares its bucket: a file stored by one is processed by the other.</summary>
    public string Storage { get; } = Path.Combine(Path.GetTempPath(), $"brandauto-drive-files-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string> Scenario => new Dictionary<string, string>(Drive.Settings())
    {
        ["GoogleDrive:SyncIntervalSeconds"] = "2",
        ["Storage:LocalDirectory"] = Storage,
    };

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Drive.DisposeAsync();
        if (Directory.Exists(Storage))
        {
            Directory.Delete(Storage, recursive: true);
        }
    }
}

/// <summary>
/// A folder kept in sync, on two nodes: the scheduled sync (on whichever node its trigger fires) and "sync now" asked on
/// both nodes at once all race for the same changes; each change is applied exactly once.
/// </summary>
public sealed class DriveSyncClusterTests(DriveCluster cluster) : IClassFixture<DriveCluster>
{
    [Fact]
    public async Task A_changed_and_a_deleted_file_are_picked_up_on_the_next_run_on_either_node_exactly_once()
    {
        var admin = await Cluster.SignUpAsync(cluster.NodeA);
        using var nodeB = cluster.NodeB.Client();
        nodeB.DefaultRequestHeaders.Authorization = admin.Client.DefaultRequestHeaders.Authorization;
        // Started on node A, completed on node B: the state and the PKCE verifier live in the shared database.
        using (var handler = new HttpClientHandler { AllowAutoRedirect = false })
        using (var browserOnB = new HttpClient(handler) { BaseAddress = new Uri(cluster.NodeB.Url) })
        {
            await DriveFlow.ConnectAsync(admin.Client, browserOnB);
        }

        var drive = cluster.Drive;
        var folder = drive.AddFolder("Campaign 2027");
        var pdf = drive.AddFile("Price list.pdf", "application/pdf", SampleFiles.Pdf("Price list: the tasting box costs 24 pounds."), folder);
        var png = drive.AddFile("Badge.png", "image/png", SampleFiles.Png(240, 240, SkiaSharp.SKColors.Teal), folder);
        var notes = drive.AddFile("Notes.txt", "text/plain", SampleFiles.Text("Notes that do not change."), folder);

        var response = await nodeB.PostAsJsonAsync("/api/v1/drive/imports", new { folderId = folder, sync = true });
        await response.EnsureStatusAsync(HttpStatusCode.Accepted);
        var sourceId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var source = await DriveFlow.WaitForImportAsync(admin.Client, sourceId, TimeSpan.FromSeconds(90));
        Assert.True(source["state"]!.GetValue<string>() == "imported", $"{source}\nA:\n{cluster.NodeA.Log}\nB:\n{cluster.NodeB.Log}");
        var before = await DriveFlow.AssetsAsync(cluster.ConnectionString, admin.TenantId);
        Assert.True(before.Count == 3, $"{source}\nA:\n{cluster.NodeA.Log}\nB:\n{cluster.NodeB.Log}");
        Assert.All(before.Values, a => Assert.Equal(1, a.Version));

        var changedAt = DateTime.UtcNow;
        var requestsBefore = drive.Requests.Count;
        drive.Change(pdf, SampleFiles.Pdf("Price list: the tasting box now costs 26 pounds."));
        drive.Delete(png);
        // "Sync now" on both nodes at the same moment, while the scheduled sync runs every 2 s on either node.
        var syncs = await Task.WhenAll(
            admin.Client.PostAsync($"/api/v1/drive/imports/{sourceId}/sync", null),
            nodeB.PostAsync($"/api/v1/drive/imports/{sourceId}/sync", null));
        Assert.All(syncs, s => Assert.Equal(HttpStatusCode.Accepted, s.StatusCode));

        Dictionary<string, (Guid Id, int Version, string Status, string State)> after;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(500);
            after = await DriveFlow.AssetsAsync(cluster.ConnectionString, admin.TenantId);
        }
        while ((after[pdf].Version < 2 || after[pdf].State != "Ready" || after[png].Status != "Archived") && DateTime.UtcNow < deadline);

        Assert.True(after[pdf].Version >= 2 && after[pdf].State == "Ready" && after[png].Status == "Archived",
            $"Not synced within 60 s of the change ({(DateTime.UtcNow - changedAt).TotalSeconds:0} s).\nA:\n{cluster.NodeA.Log}\nB:\n{cluster.NodeB.Log}");
        // Several more scheduled runs go by on both nodes: none applies the change again.
        await Task.Delay(TimeSpan.FromSeconds(8));
        after = await DriveFlow.AssetsAsync(cluster.ConnectionString, admin.TenantId);
        Assert.Equal(3, after.Count);
        Assert.Equal(2, after[pdf].Version);
        Assert.Equal(before[pdf].Id, after[pdf].Id);
        Assert.Equal("Archived", after[png].Status);
        Assert.Equal(1, after[notes].Version);
        Assert.Equal("Current", after[notes].Status);
        var downloads = drive.Requests.Skip(requestsBefore).Count(r => r.Path == $"/drive/v3/files/{pdf}" && r.Query.GetValueOrDefault("alt") == "media");
        Assert.Equal(1, downloads);

        var overview = (await nodeB.GetFromJsonAsync<JsonObject>("/api/v1/drive"))!;
        var synced = overview["imports"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == sourceId)!;
        Assert.Null(synced["problem"]);
        Assert.True(synced["lastSyncedAt"]!.GetValue<DateTimeOffset>() >= changedAt.AddSeconds(-1));
    }
}
