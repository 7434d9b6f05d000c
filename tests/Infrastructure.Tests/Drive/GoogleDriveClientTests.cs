using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Drive;
using BrandAutomator.Infrastructure.Drive;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Drive;

/// <summary>The Drive v3 adapter against the local fake Drive (Kestrel, real wire format).</summary>
public sealed class GoogleDriveClientTests : IAsyncLifetime, IDisposable
{
    private FakeGoogleDrive _drive = null!;
    private HttpClient _http = null!;
    private GoogleDriveClient _client = null!;

    private string Token => _drive.AccessToken;

    public async Task InitializeAsync()
    {
        _drive = await FakeGoogleDrive.StartAsync();
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _client = Client();
    }

    public async Task DisposeAsync() => await _drive.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_folder_is_listed_across_pages()
    {
        var folder = _drive.AddFolder("Brand kit");
        for (var i = 0; i < 5; i++)
        {
            _drive.AddFile($"logo-{i}.png", "image/png", [1, 2, 3], folder);
        }

        _drive.AddFile("elsewhere.png", "image/png", [1], "root");
        _drive.MaxPageSize = 2;

        var names = new List<string>();
        string? pageToken = null;
        var pages = 0;
        do
        {
            var page = await _client.ListFolderAsync(Token, folder, pageToken, CancellationToken.None);
            names.AddRange(page.Files.Select(f => f.Name));
            pageToken = page.NextPageToken;
            pages++;
        }
        while (pageToken is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["logo-0.png", "logo-1.png", "logo-2.png", "logo-3.png", "logo-4.png"], names);
        Assert.All(_drive.Requests.Where(r => r.Path == "/drive/v3/files"), r => Assert.Equal($"'{folder}' in parents and trashed = false", r.Query["q"]));
    }

    [Fact]
    public async Task A_large_file_is_streamed_as_it_arrives_never_held_whole()
    {
        const long size = 96L * 1024 * 1024;
        var id = _drive.AddGeneratedFile("launch.mp4", "video/mp4", size, seed: 7, "root");
        var file = (await _client.GetFileAsync(Token, id, CancellationToken.None))!;
        Assert.Equal(size, file.Size);

        await using var content = (await _client.OpenContentAsync(Token, file, CancellationToken.None))!;
        Assert.Equal(size, content.Length);
        Assert.Equal("video/mp4", content.ContentType);

        var buffer = new byte[81920];
        var first = await content.Content.ReadAtLeastAsync(buffer, buffer.Length);
        // Handed over once the headers arrived: the fake has sent only what the sockets buffer, far from the whole file.
        Assert.True(_drive.BytesServed < size / 4, $"{_drive.BytesServed} of {size} bytes were sent before the first read");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        for (var read = first; read > 0; read = await content.Content.ReadAsync(buffer))
        {
            hash.AppendData(buffer, 0, read);
            var reference = new byte[read];
            for (var i = 0; i < read; i++)
            {
                reference[i] = FakeGoogleDrive.GeneratedByte(total + i, 7);
            }

            expected.AppendData(reference);
            total += read;
        }

        Assert.Equal(size, total);
        Assert.Equal(expected.GetHashAndReset(), hash.GetHashAndReset());
    }

    [Fact]
    public async Task Docs_sheets_and_slides_are_exported_to_formats_we_index()
    {
        var doc = _drive.AddGoogleFile("Brand voice", "application/vnd.google-apps.document",
            new Dictionary<string, byte[]> { [DriveExports.Docx] = "PK-docx"u8.ToArray() }, "root");
        var sheet = _drive.AddGoogleFile("Prices", "application/vnd.google-apps.spreadsheet",
            new Dictionary<string, byte[]> { ["text/csv"] = "plan,price\nPro,79\n"u8.ToArray() }, "root");
        var slides = _drive.AddGoogleFile("Pitch.pdf", "application/vnd.google-apps.presentation",
            new Dictionary<string, byte[]> { ["application/pdf"] = "%PDF-1.4"u8.ToArray() }, "root");
        var form = _drive.AddGoogleFile("Survey", "application/vnd.google-apps.form", new Dictionary<string, byte[]>(), "root");

        var docContent = await OpenAsync(doc);
        var sheetContent = await OpenAsync(sheet);
        var slidesContent = await OpenAsync(slides);

        Assert.Equal(("Brand voice.docx", DriveExports.Docx, "PK-docx"), docContent);
        Assert.Equal(("Prices.csv", "text/csv", "plan,price\nPro,79\n"), sheetContent);
        Assert.Equal(("Pitch.pdf", "application/pdf", "%PDF-1.4"), slidesContent);
        Assert.Null(await _client.OpenContentAsync(Token, (await _client.GetFileAsync(Token, form, CancellationToken.None))!, CancellationToken.None));
        Assert.Contains(_drive.Requests, r => r.Path == $"/drive/v3/files/{doc}/export" && r.Query["mimeType"] == DriveExports.Docx);
    }

    [Fact]
    public async Task The_changes_feed_reports_changed_and_removed_files_from_a_saved_token()
    {
        var kept = _drive.AddFile("kept.txt", "text/plain", "one"u8.ToArray(), "root");
        var changed = _drive.AddFile("changed.txt", "text/plain", "v1"u8.ToArray(), "root");
        var deleted = _drive.AddFile("deleted.txt", "text/plain", "bye"u8.ToArray(), "root");
        var token = await _client.GetStartPageTokenAsync(Token, CancellationToken.None);

        _drive.Change(changed, "v2"u8.ToArray());
        _drive.Delete(deleted);
        _drive.MaxPageSize = 1;

        var changes = new List<DriveChange>();
        string? next = token;
        string? saved = null;
        while (next is not null)
        {
            var page = await _client.ListChangesAsync(Token, next, CancellationToken.None);
            changes.AddRange(page.Changes);
            next = page.NextPageToken;
            saved = page.NewStartPageToken ?? saved;
        }

        Assert.Equal([(changed, false), (deleted, true)], changes.Select(c => (c.FileId, c.Removed)));
        Assert.Equal("changed.txt", changes[0].File!.Name);
        Assert.DoesNotContain(changes, c => c.FileId == kept);
        Assert.NotNull(saved);
        Assert.Empty((await _client.ListChangesAsync(Token, saved, CancellationToken.None)).Changes);
    }

    [Fact]
    public async Task Rate_limit_refusals_are_waited_out_with_backoff()
    {
        var id = _drive.AddFile("a.txt", "text/plain", "a"u8.ToArray(), "root");
        _drive.RateLimitNext(3);
        var before = _drive.Requests.Count;

        var file = await _client.GetFileAsync(Token, id, CancellationToken.None);

        Assert.Equal("a.txt", file!.Name);
        Assert.Equal(4, _drive.Requests.Count - before);
    }

    [Fact]
    public async Task Rate_limit_refusals_past_the_last_try_fail_with_a_readable_message()
    {
        var client = Client(maxAttempts: 3);
        _drive.RateLimitNext(10);
        var before = _drive.Requests.Count;

        var error = await Assert.ThrowsAsync<ExternalServiceException>(() => client.GetStartPageTokenAsync(Token, CancellationToken.None));

        Assert.Contains("busy", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _drive.Requests.Count - before);
    }

    [Fact]
    public async Task A_refused_token_is_not_retried_and_says_to_reconnect()
    {
        var before = _drive.Requests.Count;

        var error = await Assert.ThrowsAsync<DriveAuthorizationException>(
            () => _client.ListFolderAsync("ya29.revoked", "root", null, CancellationToken.None));

        Assert.Contains("connect Google Drive again", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _drive.Requests.Count - before);
    }

    [Fact]
    public async Task A_missing_file_is_null()
    {
        Assert.Null(await _client.GetFileAsync(Token, "1drvNoSuchFile", CancellationToken.None));
    }

    private GoogleDriveClient Client(int maxAttempts = 6) => new(
        _http,
        Options.Create(new GoogleDriveOptions { ApiBaseUrl = _drive.BaseUrl, BaseRetryDelayMilliseconds = 5, MaxAttempts = maxAttempts }),
        TimeProvider.System,
        NullLogger<GoogleDriveClient>.Instance);

    private async Task<(string Name, string Type, string Text)> OpenAsync(string id)
    {
        var file = (await _client.GetFileAsync(Token, id, CancellationToken.None))!;
        await using var content = (await _client.OpenContentAsync(Token, file, CancellationToken.None))!;
        using var reader = new StreamReader(content.Content, Encoding.UTF8);
        return (content.FileName, content.ContentType, await reader.ReadToEndAsync());
    }
}
