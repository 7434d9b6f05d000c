using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace BrandAutomator.WebApi.Tests.Drive;

/// <summary>Connecting Google Drive and importing a folder through the upload pipeline, against the v3 fake.</summary>
public sealed class DriveImportTests(DriveFactory factory) : IClassFixture<DriveFactory>
{
    private const string GoogleDoc = "application/vnd.google-apps.document";

    [Fact]
    public async Task A_folder_with_a_doc_a_pdf_a_png_and_a_200_mb_video_becomes_four_assets_that_say_where_they_came_from()
    {
        var admin = await factory.RegisterAsync();
        using var callback = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await DriveFlow.ConnectAsync(admin.Client, callback);
        var overview = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/drive"))!;
        Assert.True(overview["available"]!.GetValue<bool>());
        Assert.Equal(FakeGoogleDrive.AccountEmail, overview["connection"]!["account"]!.GetValue<string>());
        Assert.Equal("Healthy", overview["connection"]!["health"]!.GetValue<string>());

        var word = $"saffronmarigold{Guid.NewGuid():N}"[..24];
        var drive = factory.Drive;
        var folder = drive.AddFolder($"Brand kit {Guid.NewGuid():N}");
        var doc = drive.AddGoogleFile("Tone of voice", GoogleDoc,
            new Dictionary<string, byte[]> { [Application.Drive.DriveExports.Docx] = SampleFiles.Docx($"Our tone of voice is warm and plain. We call our signature colour {word}.") },
            folder);
        drive.AddFile("Brand book.pdf", "application/pdf", SampleFiles.Pdf($"Brand book {Guid.NewGuid():N}: the logo keeps a clear space."), folder);
        drive.AddFile("Logo.png", "image/png", SampleFiles.Png(320, 200, SkiaSharp.SKColors.Coral), folder);
        const long videoSize = 200L * 1024 * 1024;
        drive.AddGeneratedVideo("Launch film.mp4", videoSize, 7, folder);
        // The first two calls are refused as over quota (403 userRateLimitExceeded): the import waits and tries again.
        drive.RateLimitNext(2);

        var response = await admin.Client.PostAsJsonAsync("/api/v1/drive/imports", new { folderId = folder, sync = true });
        await response.EnsureStatusAsync(HttpStatusCode.Accepted);
        var sourceId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var source = await DriveFlow.WaitForImportAsync(admin.Client, sourceId, TimeSpan.FromSeconds(120));

        Assert.Equal("imported", source["state"]!.GetValue<string>());
        Assert.Equal(4, source["importedCount"]!.GetValue<int>());
        Assert.Equal(0, source["skippedCount"]!.GetValue<int>());
        var assets = await DriveFlow.AssetsAsync(factory.ConnectionString, admin.TenantId);
        Assert.Equal(4, assets.Count);

        var docAsset = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/assets/{assets[doc].Id}"))!;
        Assert.Equal("Tone of voice.docx", docAsset["name"]!.GetValue<string>());
        Assert.Equal("Tone of voice", docAsset["origin"]!["name"]!.GetValue<string>());
        Assert.Equal($"https://drive.google.com/open?id={doc}", docAsset["origin"]!["link"]!.GetValue<string>());
        Assert.NotNull(docAsset["origin"]!["syncedAt"]);
        var videoAsset = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/assets?type=video"))!["items"]!.AsArray().Single()!;
        Assert.Equal(videoSize, videoAsset["sizeBytes"]!.GetValue<long>());
        Assert.Equal("video/mp4", videoAsset["mediaType"]!.GetValue<string>());

        // The Doc went through text extraction like an upload: its words are found by the files search.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var hits = (await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/search-files?q={word}&limit=5"))!;
            if (hits.Any(h => h!["chunkId"] is not null && h["assetId"]!.GetValue<Guid>() == assets[doc].Id))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The Doc's passages were not searchable within 60 s.");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task A_server_without_a_google_client_says_so_in_words_and_refuses_to_connect()
    {
        await using var bare = factory.WithWebHostBuilder(b => b.UseSetting("GoogleDrive:ClientId", ""));
        var admin = await factory.RegisterAsync();
        using var client = bare.CreateClient();
        client.DefaultRequestHeaders.Authorization = admin.Client.DefaultRequestHeaders.Authorization;

        var overview = (await client.GetFromJsonAsync<JsonObject>("/api/v1/drive"))!;
        Assert.False(overview["available"]!.GetValue<bool>());
        Assert.StartsWith("Google Drive is not set up on this server", overview["unavailableNote"]!.GetValue<string>(), StringComparison.Ordinal);
        var start = await client.PostAsync("/api/v1/drive/connect", null);
        await start.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Importing_without_a_folder_or_files_names_the_field()
    {
        var admin = await factory.RegisterAsync();
        var response = await admin.Client.PostAsJsonAsync("/api/v1/drive/imports", new { sync = false });
        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.NotNull(problem["errors"]!["folderId"]);
    }
}
