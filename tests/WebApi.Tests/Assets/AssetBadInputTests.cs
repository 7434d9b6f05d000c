using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Assets;

/// <summary>Small limits, so that "too large" is cheap to reach.</summary>
public sealed class SmallLimitsFactory : ApiFactory
{
    public const int MaxImageBytes = 200 * 1024;

    public SmallLimitsFactory()
    {
        WithSetting("Assets:MaxImageBytes", MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Assets:MaxVideoBytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Assets:MaxDocumentBytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Assets:MaxTextBytes", (512 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Assets:MaxFilesPerRequest", "12");
    }
}

/// <summary>Every refused upload: a clear 4xx problem naming the file, and nothing of it left in storage or the database.</summary>
public sealed class AssetBadInputTests(SmallLimitsFactory factory) : IClassFixture<SmallLimitsFactory>
{
    public static TheoryData<string, string, int> Refused => new()
    {
        { "executable renamed .png", "elf", 415 },
        { "Windows executable renamed .jpg", "mz", 415 },
        { "shell script renamed .jpg", "sh", 415 },
        { "PNG with a ZIP appended (polyglot)", "polyglot", 415 },
        { "SVG with script", "svg", 415 },
        { "HTML page", "html", 415 },
        { "truncated PNG", "truncated", 415 },
        { "zip bomb disguised as DOCX", "bomb", 415 },
        { "empty file", "empty", 400 },
        { "image over the image limit", "big-image", 413 },
        { "file over the largest limit, stopped while streaming", "huge", 413 },
        { "random bytes", "junk", 415 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_file_gets_a_clear_problem_and_leaves_nothing(string why, string sample, int status)
    {
        var account = await factory.RegisterAsync();
        var (name, bytes) = Sample(sample);
        var before = await SnapshotAsync(account);

        var response = await account.UploadAsync(("ok.txt", SampleFiles.Text($"A good file next to the {why}.")), (name, bytes));

        await response.EnsureStatusAsync((HttpStatusCode)status);
        var problem = await response.ProblemAsync();
        Assert.NotNull(problem["errors"]!["files[1]"]);
        Assert.Equal(before, await SnapshotAsync(account));
    }

    [Fact]
    public async Task Too_many_files_in_one_request_is_refused()
    {
        var account = await factory.RegisterAsync();
        var files = Enumerable.Range(0, 13).Select(i => ($"f{i}.txt", SampleFiles.Text($"File number {i}."))).ToArray();

        var response = await account.UploadAsync(files);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ProblemAsync())["errors"]!["files"]);
        Assert.Equal(0, await CountAssetsAsync(account));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd.txt")]
    [InlineData("..\\..\\windows\\system32\\evil.txt", "evil.txt")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("brand\u202Ebook\u200B.txt", "brandbook.txt")]
    [InlineData("<script>alert(1)<script>.txt", "_script_alert(1)_script_.txt")]
    [InlineData("résumé 2026 – brand book.txt", "résumé 2026 – brand book.txt")]
    [InlineData("商标指南.txt", "商标指南.txt")]
    public async Task Hostile_and_unicode_names_are_stored_sanitised(string name, string expected)
    {
        var account = await factory.RegisterAsync();

        var response = await account.UploadAsync((name, SampleFiles.Text($"Content of {Guid.NewGuid()}.")));

        var ids = await response.AssetIdsAsync();
        var asset = (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/assets/{ids[0]}"))!;
        Assert.Equal(expected, asset["name"]!.GetValue<string>());
        Assert.DoesNotContain("..", StoredFiles().Single(f => f.Contains(ids[0].ToString("N"), StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_named_for_another_type_is_stored_under_its_real_type()
    {
        var account = await factory.RegisterAsync();

        var ids = await (await account.UploadAsync(("really-a-png.jpg", SampleFiles.Png(64, 64)))).AssetIdsAsync();

        var asset = (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/assets/{ids[0]}"))!;
        Assert.Equal("image/png", asset["mediaType"]!.GetValue<string>());
        Assert.Equal("really-a-png.png", asset["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_at_once_is_stored_once()
    {
        var account = await factory.RegisterAsync();
        var bytes = SampleFiles.Png(300, 200);

        var responses = await Task.WhenAll(account.UploadAsync(("a.png", bytes)), account.UploadAsync(("b.png", bytes)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await CountAssetsAsync(account));
        Assert.Single(StoredFiles(), f => f.EndsWith("original.png", StringComparison.Ordinal) && IsOf(account, f));
    }

    [Fact]
    public async Task A_file_already_uploaded_or_twice_in_one_request_is_a_conflict()
    {
        var account = await factory.RegisterAsync();
        var bytes = SampleFiles.Text("Unique content " + Guid.NewGuid());
        await (await account.UploadAsync(("first.txt", bytes))).AssetIdsAsync();

        var again = await account.UploadAsync(("second.txt", bytes));
        var twice = await account.UploadAsync(("x.txt", SampleFiles.Text("other")), ("y.txt", SampleFiles.Text("other")));

        await again.EnsureStatusAsync(HttpStatusCode.Conflict);
        await twice.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await CountAssetsAsync(account));
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_refused()
    {
        var account = await factory.RegisterAsync();

        var response = await account.Client.PostAsJsonAsync("/api/v1/onboarding/assets/upload", new { file = "not a file" });

        await response.EnsureStatusAsync(HttpStatusCode.UnsupportedMediaType);
    }

    private static (string Name, byte[] Bytes) Sample(string sample) => sample switch
    {
        "elf" => ("logo.png", SampleFiles.Elf()),
        "mz" => ("photo.jpg", SampleFiles.WindowsExecutable()),
        "sh" => ("photo.jpg", SampleFiles.ShellScript()),
        "polyglot" => ("innocent.png", SampleFiles.PngZipPolyglot()),
        "svg" => ("logo.svg", SampleFiles.SvgWithScript()),
        "html" => ("page.txt", SampleFiles.Html()),
        "truncated" => ("cut.png", SampleFiles.TruncatedPng()),
        "bomb" => ("brand-book.docx", SampleFiles.ZipBombDocx()),
        "empty" => ("nothing.txt", []),
        "big-image" => ("big.png", Noise(SmallLimitsFactory.MaxImageBytes + 1)),
        "huge" => ("huge.bin", new byte[(1024 * 1024) + 10]),
        "junk" => ("data.bin", Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251)).ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(sample)),
    };

    /// <summary>A real PNG of noise, so large because noise does not compress.</summary>
    private static byte[] Noise(int atLeast)
    {
        var side = (int)Math.Sqrt(atLeast / 2.5) + 16;
        using var bitmap = new SkiaSharp.SKBitmap(side, side);
        var random = new Random(7);
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                bitmap.SetPixel(x, y, new SkiaSharp.SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        Assert.True(data.Size > atLeast);
        return data.ToArray();
    }

    private async Task<string> SnapshotAsync(Account account) =>
        $"{await CountAssetsAsync(account)} assets; files: {string.Join(',', StoredFiles().Where(f => IsOf(account, f)).Order())}";

    private Task<long> CountAssetsAsync(Account account) => factory.CountAsync($"SELECT count(*) FROM tenant_{account.TenantId:N}.brand_assets");

    private static bool IsOf(Account account, string file) => file.Contains($"tenant-{account.TenantId:N}", StringComparison.Ordinal);

    private List<string> StoredFiles()
    {
        var root = Path.Combine(factory.DataDirectory, "files");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToList() : [];
    }
}
