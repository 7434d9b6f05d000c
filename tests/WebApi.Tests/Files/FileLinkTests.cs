using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BrandAutomator.WebApi.Tests.Files;

public sealed class FilesFactory : ApiFactory
{
    public FilesFactory() =>
        // The API's clock, so a link can be made to expire without waiting for it.
        ConfigureServices = services => services.AddSingleton<TimeProvider>(Time);

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
}

public sealed class FileLinkTests(FilesFactory factory) : IClassFixture<FilesFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("not really an image, but bytes to serve")];

    private IFileStorage Storage => factory.Services.GetRequiredService<IFileStorage>();

    [Fact]
    public async Task A_signed_link_serves_the_file_inline_with_headers_that_keep_it_inert()
    {
        var key = await StoreAsync("original.png", Png);

        var response = await factory.CreateClient().GetAsync(PathAndQuery(Storage.CreateSignedUrl(key, TimeSpan.FromMinutes(15), LinkAudience.Outside)));

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; sandbox", Header(response, "Content-Security-Policy"));
        Assert.Equal("bytes", Header(response, "Accept-Ranges"));
        Assert.True(response.Headers.CacheControl?.Private);
    }

    [Fact]
    public async Task A_link_with_a_download_name_makes_the_browser_save_it_under_that_name()
    {
        var key = await StoreAsync("original.png", Png);

        var response = await factory.CreateClient().GetAsync(PathAndQuery(Storage.CreateSignedUrl(key, TimeSpan.FromMinutes(15), LinkAudience.Outside, "Logo – dark.png")));

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Logo – dark.png", disposition.FileNameStar);
    }

    [Fact]
    public async Task A_type_a_browser_could_run_is_downloaded_never_shown()
    {
        var key = await StoreAsync("original.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(document.domain)</script></svg>"u8.ToArray());

        var response = await factory.CreateClient().GetAsync(PathAndQuery(Storage.CreateSignedUrl(key, TimeSpan.FromMinutes(15), LinkAudience.Outside)));

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("default-src 'none'; sandbox", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Range_requests_get_the_requested_bytes_only()
    {
        var key = await StoreAsync("original.png", Png);
        using var request = new HttpRequestMessage(HttpMethod.Get, PathAndQuery(Storage.CreateSignedUrl(key, TimeSpan.FromMinutes(15), LinkAudience.Outside)));
        request.Headers.Range = new RangeHeaderValue(1, 3);

        var response = await factory.CreateClient().SendAsync(request);

        await response.EnsureStatusAsync(HttpStatusCode.PartialContent);
        Assert.Equal("PNG"u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Png.Length, response.Content.Headers.ContentRange?.Length);
    }

    [Fact]
    public async Task Changing_the_path_expiry_signature_or_name_of_a_link_gives_403()
    {
        var key = await StoreAsync("original.png", Png);
        var other = await StoreAsync("original.png", Png);
        var link = PathAndQuery(Storage.CreateSignedUrl(key, TimeSpan.FromMinutes(15), LinkAudience.Outside, "logo.png"));
        var expires = Query(link, "expires");
        var sig = Query(link, "sig");
        var client = factory.CreateClient();

        string[] changed =
        [
            link.Replace(key, other, StringComparison.Ordinal),
            link.Replace("original.png?", "original.svg?", StringComparison.Ordinal),
            link.Replace($"expires={expires}", $"expires={long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 86_400}", StringComparison.Ordinal),
            link.Replace($"sig={sig}", $"sig={(sig[0] == 'A' ? 'B' : 'A')}{sig[1..]}", StringComparison.Ordinal),
            link.Replace($"&sig={sig}", "", StringComparison.Ordinal),
            link.Replace("&name=logo.png", "", StringComparison.Ordinal),
            link.Replace("&name=logo.png", "&name=logo.html", StringComparison.Ordinal),
        ];
        foreach (var url in changed)
        {
            Assert.NotEqual(link, url);
            var response = await client.GetAsync(url);

            await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
            var problem = await response.ProblemAsync();
            Assert.Equal(403, problem["status"]!.GetValue<int>());
            Assert.Contains("not valid", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await (await client.GetAsync(link)).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_link_gives_403_saying_it_expired()
    {
        var key = await StoreAsync("original.png", Png);
        var link = PathAndQuery(Storage.CreateSignedUrl(key, TimeSpan.FromMinutes(15), LinkAudience.Outside));
        var client = factory.CreateClient();
        await (await client.GetAsync(link)).EnsureStatusAsync(HttpStatusCode.OK);

        factory.Time.Advance(TimeSpan.FromMinutes(15));
        var response = await client.GetAsync(link);

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("expired", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_deleted_file_gives_404()
    {
        var key = await StoreAsync("original.png", Png);
        var link = PathAndQuery(Storage.CreateSignedUrl(key, TimeSpan.FromMinutes(15), LinkAudience.Outside));

        await Storage.DeleteAsync(key, default);
        var response = await factory.CreateClient().GetAsync(link);

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Files_are_kept_under_the_data_folder()
    {
        var key = await StoreAsync("original.png", Png);

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "files", key)));
    }

    private async Task<string> StoreAsync(string fileName, byte[] bytes)
    {
        var key = $"tenant-{Guid.NewGuid():N}/assets/{Guid.NewGuid():N}/{fileName}";
        await Storage.SaveAsync(key, new MemoryStream(bytes), "application/octet-stream", default);
        return key;
    }

    private static string PathAndQuery(Uri url) => url.PathAndQuery;

    private static string Query(string pathAndQuery, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + pathAndQuery).Query)[name].ToString();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : null;
}
