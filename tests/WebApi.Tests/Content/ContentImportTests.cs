using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

/// <summary>The API's clock is pinned to New Year's Eve in Berlin, so the rows' dates in January are always ahead.</summary>
public sealed class ImportFactory : ApiFactory
{
    // Files are kept on local disk under the host's data folder, as self-hosted instances keep them.
    public ImportFactory() => WithSetting("Testing:ClockStart", "2026-12-31T23:30:00+01:00");
}

/// <summary>CSV import: the dry run names every bad row with its column, the import is all or nothing or row by row, and re-importing creates nothing.</summary>
public sealed class ContentImportTests(ImportFactory factory) : IClassFixture<ImportFactory>
{
    private const string Header = "Publish date;Time;Channels;Message;X text;Title";

    // Rows 2 to 9: rows 4 (unknown network), 6 (no such day), 7 (X over 280) and 9 (Facebook not connected) are bad.
    private static readonly string[] Rows =
    [
        "2027-01-12;09:00;LinkedIn, X;\"Spring is here; see what's new.\nTwo lines, one post.\";;Spring launch",
        "2027-01-13;9:30;LinkedIn;Team day;;",
        "2027-01-14;10:00;LinkedIn, MySpace;Old friends;;",
        "2027-01-15 11:00;;X;;Only for X, from its own column;",
        "2027-02-30;10:00;LinkedIn;Impossible day;;",
        $"2027-01-16;10:00;X;;{new string('a', 281)};Too long",
        "2027-01-17;08:15;LinkedIn;\"Quoted \"\"words\"\" stay\";;Quotes",
        "2027-01-18;10:00;Facebook;Not connected yet;;",
    ];

    private static byte[] File(IEnumerable<string> rows) =>
        [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(Header)) + "\r\n")];

    private static MultipartFormDataContent Form(byte[] file, string? mode = null, string? target = null, string? mapping = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "posts.csv");
        foreach (var (name, value) in new[] { ("mode", mode), ("target", target), ("mapping", mapping) })
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), name);
            }
        }

        return form;
    }

    private async Task<Account> WorkspaceAsync()
    {
        var admin = await factory.RegisterAsync();
        await (await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Europe/Berlin" }))
            .EnsureStatusAsync(HttpStatusCode.OK);
        await ConnectAsync(admin, "linkedIn");
        await ConnectAsync(admin, "x");
        return admin;
    }

    [Fact]
    public async Task The_dry_run_lists_exactly_the_bad_rows_and_the_import_creates_the_rest_once()
    {
        var admin = await WorkspaceAsync();
        var file = File(Rows);

        var dryRun = await admin.Client.PostAsync("/api/v1/content/import/dry-run", Form(file));
        await dryRun.EnsureStatusAsync(HttpStatusCode.OK);
        var report = (await dryRun.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = report["errors"]!.AsArray().Select(e => (Row: e!["row"]!.GetValue<int>(), Column: e["column"]!.GetValue<string>(), Message: e["message"]!.GetValue<string>())).ToList();
        Assert.Equal([4, 6, 7, 9], errors.Select(e => e.Row).Distinct().Order());
        Assert.Contains(errors, e => e is { Row: 4, Column: "Channels" } && e.Message.Contains("MySpace", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 6, Column: "Publish date" });
        Assert.Contains(errors, e => e is { Row: 7, Column: "X text" } && e.Message.Contains("280", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 9, Column: "Channels" } && e.Message.Contains("Facebook is not connected", StringComparison.Ordinal));
        Assert.Equal(4, report["ready"]!.GetValue<int>());
        Assert.Equal(0, report["created"]!.GetValue<int>());
        Assert.Empty((await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content"))!["items"]!.AsArray());

        var whole = await admin.Client.PostAsync("/api/v1/content/import", Form(file, mode: "allOrNothing"));
        await whole.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await whole.ProblemAsync();
        Assert.StartsWith("Row 4, column \u201CChannels\u201D", problem["errors"]!["rows[4].networks"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content"))!["items"]!.AsArray());

        var import = await admin.Client.PostAsync("/api/v1/content/import", Form(file, mode: "rowByRow"));
        await import.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(4, (await import.Content.ReadFromJsonAsync<JsonObject>())!["created"]!.GetValue<int>());
        var posts = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content?state=scheduled"))!["items"]!.AsArray();
        Assert.Equal(4, posts.Count);
        var spring = posts.Single(p => p!["title"]!.GetValue<string>() == "Spring launch")!;
        Assert.Equal("2027-01-12T09:00:00+01:00", spring["scheduledLocal"]!.GetValue<string>());
        Assert.Equal("Spring is here; see what's new.\nTwo lines, one post.", spring["variants"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(posts, p => p!["variants"]![0]!["text"]!.GetValue<string>() == "Quoted \"words\" stay");
        // Without a title column value, the title is the text's first words.
        Assert.Contains(posts, p => p!["title"]!.GetValue<string>() == "Team day");

        var again = await admin.Client.PostAsync("/api/v1/content/import", Form(file, mode: "rowByRow"));
        var second = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, second["created"]!.GetValue<int>());
        Assert.Equal(4, second["alreadyImported"]!.GetValue<int>());
        Assert.Equal(4, (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content"))!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_row_repeated_in_the_file_is_imported_once_and_drafts_may_name_any_network()
    {
        var admin = await WorkspaceAsync();
        var file = File([Rows[0], Rows[7], Rows[0]]);

        var import = await admin.Client.PostAsync("/api/v1/content/import", Form(file, target: "draft"));
        await import.EnsureStatusAsync(HttpStatusCode.OK);
        var report = (await import.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, report["created"]!.GetValue<int>());
        Assert.Equal(1, report["duplicates"]!.GetValue<int>());
        Assert.Equal(2, report["skipped"]![0]!["sameAsRow"]!.GetValue<int>());
        var drafts = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content?state=draft"))!["items"]!.AsArray();
        Assert.Equal(2, drafts.Count);
    }

    [Fact]
    public async Task The_template_reads_back_with_its_columns_guessed_and_imports_as_drafts()
    {
        var admin = await WorkspaceAsync();
        var template = await admin.Client.GetByteArrayAsync("/api/v1/content/import/template");

        var columns = await admin.Client.PostAsync("/api/v1/content/import/columns", Form(template));
        await columns.EnsureStatusAsync(HttpStatusCode.OK);
        var read = (await columns.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, read["rows"]!.GetValue<int>());
        Assert.Equal("Date", read["suggested"]!["date"]!.GetValue<string>());
        Assert.Equal("LinkedIn text", read["suggested"]!["text.linkedIn"]!.GetValue<string>());

        var dryRun = await admin.Client.PostAsync("/api/v1/content/import/dry-run", Form(template, target: "draft"));
        Assert.Empty((await dryRun.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Bad_files_mappings_and_choices_are_refused_on_their_field_and_viewers_may_not_import()
    {
        var admin = await WorkspaceAsync();

        var latin1 = await admin.Client.PostAsync("/api/v1/content/import/dry-run", Form(Encoding.Latin1.GetBytes("Date,Text\n2027-01-12 09:00,Caf\u00e9\n")));
        await latin1.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await latin1.ProblemAsync())["errors"]!.AsObject().ContainsKey("file"));

        var mapping = await admin.Client.PostAsync("/api/v1/content/import/dry-run", Form(File(Rows), mapping: "{\"date\":\"When\",\"text\":\"Message\"}"));
        await mapping.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await mapping.ProblemAsync())["errors"]!.AsObject().ContainsKey("mapping.date"));

        var mode = await admin.Client.PostAsync("/api/v1/content/import", Form(File(Rows), mode: "sometimes"));
        await mode.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await mode.ProblemAsync())["errors"]!.AsObject().ContainsKey("mode"));

        var json = await admin.Client.PostAsJsonAsync("/api/v1/content/import", new { file = "nope" });
        await json.EnsureStatusAsync(HttpStatusCode.UnsupportedMediaType);

        var tooLarge = await admin.Client.PostAsync("/api/v1/content/import/dry-run", Form(new byte[(10 * 1024 * 1024) + 1]));
        await tooLarge.EnsureStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.True((await tooLarge.ProblemAsync())["errors"]!.AsObject().ContainsKey("file"));

        await (await admin.Client.PutAsJsonAsync("/api/v1/content/settings", new { approvalRequired = true })).EnsureStatusAsync(HttpStatusCode.OK);
        var approval = await admin.Client.PostAsync("/api/v1/content/import/dry-run", Form(File(Rows)));
        await approval.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await approval.ProblemAsync())["errors"]!.AsObject().ContainsKey("target"));

        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");
        await (await viewer.Client.PostAsync("/api/v1/content/import", Form(File(Rows)))).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Media_are_found_by_their_file_names_and_instagram_without_one_is_refused_on_the_media_column()
    {
        var admin = await WorkspaceAsync();
        await ConnectAsync(admin, "instagram");
        var upload = await admin.Client.PostAsync("/api/v1/onboarding/assets/upload", Uploads.Form(("harbour-view.png", SampleFiles.Png(1080, 1080))));
        await upload.EnsureStatusAsync(HttpStatusCode.Created);
        var asset = (await upload.Content.ReadFromJsonAsync<JsonArray>())![0]!["id"]!.GetValue<Guid>();
        var file = Encoding.UTF8.GetBytes(
            "Date,Networks,Text,Media\n" +
            "2027-01-20 12:00,Instagram,Our harbour at noon,harbour-view.png\n" +
            "2027-01-21 12:00,Instagram,No picture here,\n" +
            "2027-01-22 12:00,LinkedIn,A missing picture,sunset.png\n");

        var dryRun = await admin.Client.PostAsync("/api/v1/content/import/dry-run", Form(file));
        var errors = (await dryRun.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Equal([3, 4], errors.Select(e => e!["row"]!.GetValue<int>()));
        Assert.All(errors, e => Assert.Equal("Media", e!["column"]!.GetValue<string>()));
        Assert.Contains("Instagram needs at least one image", errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("No brand file is called \u201Csunset.png\u201D", errors[1]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var import = await admin.Client.PostAsync("/api/v1/content/import", Form(file, mode: "rowByRow"));
        var created = (await import.Content.ReadFromJsonAsync<JsonObject>())!["sample"]![0]!["postId"]!.GetValue<Guid>();
        Assert.Equal(asset, (await GetPostAsync(admin, created))["variants"]![0]!["mediaAssetIds"]![0]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Two_imports_of_one_file_at_once_create_each_post_once()
    {
        var admin = await WorkspaceAsync();
        var file = File(Rows);

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.Client.PostAsync("/api/v1/content/import", Form(file, mode: "rowByRow"))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.StatusCode}: {factory.ServerExceptions}"));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(4, (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content"))!["items"]!.AsArray().Count);
    }
}
