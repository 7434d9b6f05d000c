using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Assets;

public sealed class AssetUploadTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Ten_files_of_mixed_types_in_one_request_all_reach_ready_with_thumbnails_and_searchable_text()
    {
        var account = await factory.RegisterAsync();
        var response = await account.UploadAsync(
            ("wide.png", SampleFiles.Png(2000, 1000)),
            ("photo.jpg", SampleFiles.Jpeg(640, 480)),
            ("pixel.gif", SampleFiles.Gif()),
            ("badge.webp", SampleFiles.WebP(300, 300)),
            ("teaser.mp4", SampleFiles.Mp4()),
            ("brand-book.pdf", SampleFiles.Pdf("Our palette is ultramarine and saffron.", "Photography favours natural window light.")),
            ("tone.docx", SampleFiles.Docx("We write like a knowledgeable friend.", "Never use the word synergy.")),
            ("notes.md", SampleFiles.Text("# Launch\n\nThe **autumn espresso** launch opens on a Thursday.")),
            ("faq.txt", SampleFiles.Text("Shipping takes two days within the country.")),
            ("small.png", SampleFiles.Png(100, 50, SkiaSharp.SKColors.Crimson)));

        var ids = await response.AssetIdsAsync();
        Assert.Equal(10, ids.Count);
        var assets = new List<JsonObject>();
        foreach (var id in ids)
        {
            assets.Add(await account.WaitProcessedAsync(id));
        }

        Assert.All(assets, a => Assert.Equal("ready", a["state"]!.GetValue<string>()));
        var types = assets.Select(a => a["type"]!.GetValue<string>()).ToList();
        Assert.Equal(5, types.Count(t => t == "image"));
        Assert.Single(types, "video");

        var wide = assets.Single(a => a["name"]!.GetValue<string>() == "wide.png");
        Assert.Equal(2000, wide["width"]!.GetValue<int>());
        Assert.Equal((256, 128), SampleFiles.PngSize(await GetBytesAsync(wide["thumbnailUrl"]!.GetValue<string>())));
        Assert.Equal((1024, 512), SampleFiles.PngSize(await GetBytesAsync(wide["previewUrl"]!.GetValue<string>())));
        var small = assets.Single(a => a["name"]!.GetValue<string>() == "small.png");
        Assert.Equal((100, 50), SampleFiles.PngSize(await GetBytesAsync(small["thumbnailUrl"]!.GetValue<string>())));
        var video = assets.Single(a => a["type"]!.GetValue<string>() == "video");
        Assert.Equal(60, video["durationSeconds"]!.GetValue<double>(), 1);

        foreach (var (query, file) in new[] { ("saffron", "brand-book.pdf"), ("window light", "brand-book.pdf"), ("synergy", "tone.docx"),
                     ("autumn espresso", "notes.md"), ("shipping", "faq.txt") })
        {
            var hits = (await account.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/search-files?q={Uri.EscapeDataString(query)}"))!;
            Assert.True(hits.Count > 0, $"No hit for '{query}'.");
            Assert.Equal(file, hits[0]!["assetName"]!.GetValue<string>());
            Assert.Contains("<mark>", hits[0]!["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_ranks_the_document_that_is_about_the_question_first()
    {
        var account = await factory.RegisterAsync();
        var ids = await (await account.UploadAsync(
            ("cold-brew-guide.txt", SampleFiles.Text("Cold brew concentrate uses a ratio of one part coffee to four parts water. Steep the cold brew for eighteen hours. Dilute the cold brew concentrate before serving.")),
            ("menu.txt", SampleFiles.Text("Our menu has espresso, filter coffee and one cold brew option in summer.")),
            ("history.txt", SampleFiles.Text("The company started in a garage in 2011 with a second-hand roaster.")))).AssetIdsAsync();
        foreach (var id in ids)
        {
            await account.WaitProcessedAsync(id);
        }

        var hits = (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/ai/search-files?q=cold%20brew%20concentrate%20ratio"))!;

        Assert.Equal("cold-brew-guide.txt", hits[0]!["assetName"]!.GetValue<string>());
        Assert.DoesNotContain(hits, h => h!["assetName"]!.GetValue<string>() == "history.txt");
        Assert.True(hits[0]!["score"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Snippets_are_html_encoded_so_uploaded_markup_cannot_run()
    {
        var account = await factory.RegisterAsync();
        var ids = await (await account.UploadAsync(("markup.txt", SampleFiles.Text("The <b onmouseover=alert(1)>roastery</b> tour is on Saturdays.")))).AssetIdsAsync();
        await account.WaitProcessedAsync(ids[0]);

        var hits = (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/ai/search-files?q=roastery"))!;

        var snippet = hits[0]!["snippet"]!.GetValue<string>();
        Assert.Contains("<mark>roastery</mark>", snippet, StringComparison.Ordinal);
        var withoutMarks = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
        Assert.DoesNotContain('>', withoutMarks);
    }

    [Fact]
    public async Task Assets_are_listed_by_type_renamed_tagged_and_deleted_with_their_files()
    {
        var account = await factory.RegisterAsync();
        var ids = await (await account.UploadAsync(("logo.png", SampleFiles.Png(512, 512)), ("about.txt", SampleFiles.Text("About us.")))).AssetIdsAsync();
        var logo = await account.WaitProcessedAsync(ids[0]);

        var images = (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/assets?type=image"))!;
        Assert.Equal(1, images["total"]!.GetValue<int>());

        var renamed = await account.Client.PatchAsJsonAsync($"/api/v1/assets/{ids[0]}", new { name = "Primary logo.png", tags = new[] { "Logo", "primary" } });
        await renamed.EnsureStatusAsync(HttpStatusCode.OK);
        var tagged = (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/assets?tag=logo"))!;
        Assert.Equal("Primary logo.png", tagged["items"]![0]!["name"]!.GetValue<string>());

        var filesBefore = StoredFiles().Count;
        var deleted = await account.Client.DeleteAsync($"/api/v1/assets/{ids[0]}");
        await deleted.EnsureStatusAsync(HttpStatusCode.NoContent);

        await (await account.Client.GetAsync($"/api/v1/assets/{ids[0]}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(filesBefore - 3, StoredFiles().Count); // the original and both thumbnails
        var gone = await factory.CreateClient().GetAsync(logo["url"]!.GetValue<string>());
        Assert.NotEqual(HttpStatusCode.OK, gone.StatusCode);
    }

    [Fact]
    public async Task An_uploaded_image_can_become_the_logo_of_the_onboarding_company()
    {
        var account = await factory.RegisterAsync();
        await (await account.Client.PostAsJsonAsync("/api/v1/onboarding/company", new { basics = new { name = "Logo Co" } })).EnsureStatusAsync(HttpStatusCode.Created);
        var ids = await (await account.UploadAsync(("mark.png", SampleFiles.Png(256, 256)))).AssetIdsAsync();

        var saved = await account.Client.PutAsJsonAsync("/api/v1/onboarding/company", new { identity = new { logoAssetId = ids[0], brandColours = new[] { "#000000" } } });

        await saved.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(ids[0], (await saved.Content.ReadFromJsonAsync<JsonObject>())!["company"]!["logoAssetId"]!.GetValue<Guid>());
    }

    private async Task<byte[]> GetBytesAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private List<string> StoredFiles()
    {
        var root = Path.Combine(factory.DataDirectory, "files");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToList() : [];
    }
}
