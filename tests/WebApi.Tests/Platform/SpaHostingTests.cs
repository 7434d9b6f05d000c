using System.Net;
using BrandAutomator.Infrastructure.Files;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace BrandAutomator.WebApi.Tests.Platform;

/// <summary>The API with a web root of its own holding a stand-in for the built SPA.</summary>
public sealed class SpaFactory : ApiFactory
{
    public const string IndexHtml = "<!doctype html><title>spa index</title>";

    public string WebRoot { get; } = Path.Combine(Path.GetTempPath(), $"brandauto-webroot-{Guid.NewGuid():N}");

    public SpaFactory()
    {
        Directory.CreateDirectory(Path.Combine(WebRoot, "assets"));
        File.WriteAllText(Path.Combine(WebRoot, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(WebRoot, "assets", "app-1a2b3c.js"), "console.log('spa');");
        WithSetting(WebHostDefaults.WebRootKey, WebRoot);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(WebRoot))
        {
            Directory.Delete(WebRoot, recursive: true);
        }
    }
}

public sealed class SpaHostingTests(SpaFactory factory) : IClassFixture<SpaFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/accept-invite?token=abc")]
    [InlineData("/app/settings/team")]
    public async Task Client_routes_get_index_html_with_a_strict_content_security_policy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(SpaFactory.IndexHtml, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_assets_are_served_and_cached_for_good()
    {
        var response = await factory.CreateClient().GetAsync("/assets/app-1a2b3c.js");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("console.log('spa');", await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assets/missing-123.js")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api")]
    [InlineData("/health/nothing")]
    [InlineData("/swagger/v2/swagger.json")]
    [InlineData("/.well-known/nothing")]
    public async Task Server_paths_and_missing_files_stay_404_problem_details(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Only_get_and_head_fall_back_to_the_page()
    {
        var response = await factory.CreateClient().PostAsync("/sign-in", new StringContent(""));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("spa index", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_endpoints_are_not_shadowed_by_the_fallback()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/companies");

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Page_policy_allows_images_from_this_origin_and_only_the_storage_host_with_cloud_storage()
    {
        var local = SpaHosting.ContentSecurityPolicy(new StorageOptions());
        var gcs = SpaHosting.ContentSecurityPolicy(new StorageOptions { Provider = StorageProvider.Gcs });

        Assert.Contains("img-src 'self' data: blob:;", local, StringComparison.Ordinal);
        Assert.DoesNotContain("http", local, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: blob: https://storage.googleapis.com;", gcs, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", gcs, StringComparison.Ordinal);
    }
}
