using BrandAutomator.Infrastructure.Email;
using BrandAutomator.Infrastructure.Files;
using BrandAutomator.Infrastructure.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BrandAutomator.Infrastructure.Tests.Files;

public sealed class LocalSignedUrlsTests
{
    private const string Key = "tenant-7f1c/assets/3b9e/original.png";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly LocalSignedUrls _links;

    public LocalSignedUrlsTests() => _links = new LocalSignedUrls("a-test-signing-key-of-32-characters!", "https://app.example/", _time);

    [Fact]
    public void Link_points_at_the_files_endpoint_with_its_expiry_and_signature()
    {
        var url = _links.Create(Key, TimeSpan.FromMinutes(15), "Brand book (final).pdf");

        Assert.Equal($"https://app.example/api/v1/files/{Key}", url.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal(_time.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), query["expires"]);
        Assert.Equal("Brand book (final).pdf", query["name"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["sig"].ToString());
    }

    [Fact]
    public void A_fresh_link_verifies()
    {
        var link = Parts(_links.Create(Key, TimeSpan.FromMinutes(15)));

        Assert.Equal(SignedLinkVerdict.Valid, _links.Verify(link.Key, link.Expires, link.Name, link.Sig, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Valid, _links.Verify(link.Key, link.Expires, link.Name, link.Sig, _time.GetUtcNow().AddMinutes(14)));
    }

    [Fact]
    public void A_link_with_a_download_name_verifies_with_that_name_only()
    {
        var link = Parts(_links.Create(Key, TimeSpan.FromMinutes(15), "Logo – dark.png"));

        Assert.Equal(SignedLinkVerdict.Valid, _links.Verify(link.Key, link.Expires, "Logo – dark.png", link.Sig, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires, "payload.html", link.Sig, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires, null, link.Sig, _time.GetUtcNow()));
    }

    [Fact]
    public void A_link_expires_at_its_expiry_time()
    {
        var link = Parts(_links.Create(Key, TimeSpan.FromMinutes(15)));

        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(SignedLinkVerdict.Expired, _links.Verify(link.Key, link.Expires, link.Name, link.Sig, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Expired, _links.Verify(link.Key, link.Expires, link.Name, link.Sig, _time.GetUtcNow().AddDays(30)));
    }

    [Theory]
    [InlineData("tenant-0000/assets/3b9e/original.png")]
    [InlineData("tenant-7f1c/assets/3b9e/original.PNG")]
    [InlineData("tenant-7f1c/assets/3b9e/original.png.html")]
    [InlineData("tenant-7f1c/assets/3b9e")]
    [InlineData("tenant-7f1c/assets/3b9e/../../other/original.png")]
    public void Changing_the_path_invalidates_the_link(string otherKey)
    {
        var link = Parts(_links.Create(Key, TimeSpan.FromMinutes(15)));

        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(otherKey, link.Expires, link.Name, link.Sig, _time.GetUtcNow()));
    }

    [Fact]
    public void Changing_the_expiry_invalidates_the_link_even_when_it_means_the_same_time()
    {
        var link = Parts(_links.Create(Key, TimeSpan.FromMinutes(15)));
        var later = (long.Parse(link.Expires, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, later, link.Name, link.Sig, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, "0" + link.Expires, link.Name, link.Sig, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires + " ", link.Name, link.Sig, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, null, link.Name, link.Sig, _time.GetUtcNow()));
    }

    [Fact]
    public void A_changed_missing_or_malformed_signature_is_refused()
    {
        var link = Parts(_links.Create(Key, TimeSpan.FromMinutes(15)));
        var flipped = (link.Sig[0] == 'A' ? 'B' : 'A') + link.Sig[1..];

        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires, link.Name, flipped, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires, link.Name, link.Sig[..^2], _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires, link.Name, "", _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires, link.Name, null, _time.GetUtcNow()));
        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires, link.Name, "!!not base64!!", _time.GetUtcNow()));
    }

    [Fact]
    public void A_link_signed_with_another_key_is_refused()
    {
        var other = new LocalSignedUrls("another-signing-key-of-32-characters", "https://app.example", _time);
        var link = Parts(other.Create(Key, TimeSpan.FromMinutes(15)));

        Assert.Equal(SignedLinkVerdict.Invalid, _links.Verify(link.Key, link.Expires, link.Name, link.Sig, _time.GetUtcNow()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(8 * 24 * 3600)]
    public void Lifetimes_outside_one_second_to_seven_days_are_refused(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _links.Create(Key, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Outside_production_a_missing_key_is_made_once_and_kept_in_the_data_folder()
    {
        var data = Path.Combine(Path.GetTempPath(), $"brandauto-keys-{Guid.NewGuid():N}");
        try
        {
            var first = FromSettings(new StorageOptions(), data, Environments.Development);
            var link = Parts(first.Create(Key, TimeSpan.FromMinutes(15)));
            var keyFile = Path.Combine(data, "keys", "files-signing-key");

            var second = FromSettings(new StorageOptions(), data, Environments.Development);

            Assert.True(File.Exists(keyFile));
            Assert.True(File.ReadAllText(keyFile).Length >= LocalSignedUrls.MinimumKeyLength);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            Assert.Equal(SignedLinkVerdict.Valid, second.Verify(link.Key, link.Expires, link.Name, link.Sig, _time.GetUtcNow()));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Production_refuses_to_sign_without_a_configured_key()
    {
        var data = Path.Combine(Path.GetTempPath(), $"brandauto-keys-{Guid.NewGuid():N}");

        var error = Assert.Throws<InvalidOperationException>(() => FromSettings(new StorageOptions(), data, Environments.Production));

        Assert.Contains("Storage:SigningKey", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public void Links_use_the_email_public_address_unless_storage_has_its_own()
    {
        var data = Path.GetTempPath();
        var key = new string('s', 32);

        var fromEmail = FromSettings(new StorageOptions { SigningKey = key }, data, Environments.Production);
        var own = FromSettings(new StorageOptions { SigningKey = key, PublicBaseUrl = "https://files.example/" }, data, Environments.Production);

        Assert.StartsWith("https://brand.example/api/v1/files/", fromEmail.Create(Key, TimeSpan.FromMinutes(1)).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("https://files.example/api/v1/files/", own.Create(Key, TimeSpan.FromMinutes(1)).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Browser_links_are_relative_and_verify_like_absolute_ones()
    {
        var relative = _links.CreateRelative(Key, TimeSpan.FromMinutes(15), "Logo – dark.png");

        Assert.False(relative.IsAbsoluteUri);
        Assert.StartsWith("/api/v1/files/", relative.OriginalString, StringComparison.Ordinal);
        // Wherever the SPA is served, the browser resolves the same path against that origin.
        var link = Parts(new Uri(new Uri("http://127.0.0.1:49152"), relative));
        Assert.Equal(SignedLinkVerdict.Valid, _links.Verify(link.Key, link.Expires, link.Name, link.Sig, _time.GetUtcNow()));
    }

    private LocalSignedUrls FromSettings(StorageOptions storage, string dataDirectory, string environment) => new(
        Options.Create(storage),
        Options.Create(new EmailOptions { PublicBaseUrl = "https://brand.example" }),
        Options.Create(new EmbeddedPostgresOptions { DataDirectory = dataDirectory }),
        new HostingEnvironment { EnvironmentName = environment },
        _time);

    private static (string Key, string Expires, string? Name, string Sig) Parts(Uri url)
    {
        var query = QueryHelpers.ParseQuery(url.Query);
        var key = Uri.UnescapeDataString(url.AbsolutePath["/api/v1/files/".Length..]);
        return (key, query["expires"].ToString(), query.TryGetValue("name", out var name) ? name.ToString() : null, query["sig"].ToString());
    }
}
