using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Infrastructure.Email;
using BrandAutomator.Infrastructure.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Files;

public enum SignedLinkVerdict
{
    Valid,

    /// <summary>The signature does not match the key, expiry and name: forged or changed.</summary>
    Invalid,

    /// <summary>Genuine, but past its expiry.</summary>
    Expired,
}

/// <summary>
/// Links to local files: <c>[{PublicBaseUrl}]/api/v1/files/{key}?expires={unix}&amp;sig={sig}[&amp;name={name}]</c>, where sig is
/// the base64url HMAC-SHA256 of <c>key \n expires \n name</c>. Anyone holding the link may read the file until it expires;
/// changing any part of it breaks the signature.
/// </summary>
public sealed class LocalSignedUrls
{
    public const int MinimumKeyLength = 32;

    /// <summary>The path the API serves signed files under.</summary>
    public const string RoutePrefix = "/api/v1/files";

    /// <summary>The longest lifetime a link may have, as for Google's V4 signed URLs.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private readonly byte[] _key;
    private readonly string _baseUrl;
    private readonly TimeProvider _time;

    public LocalSignedUrls(
        IOptions<StorageOptions> options, IOptions<EmailOptions> email, IOptions<EmbeddedPostgresOptions> data,
        IHostEnvironment environment, TimeProvider time)
    {
        var settings = options.Value;
        var key = settings.SigningKey;
        if (string.IsNullOrEmpty(key))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException("Storage:SigningKey is required in production.");
            }

            key = LoadOrCreateDevelopmentKey(Path.Combine(Path.GetFullPath(data.Value.DataDirectory), settings.DevelopmentKeyFile));
        }

        _key = Encoding.UTF8.GetBytes(key);
        _baseUrl = (string.IsNullOrWhiteSpace(settings.PublicBaseUrl) ? email.Value.PublicBaseUrl : settings.PublicBaseUrl).TrimEnd('/');
        _time = time;
    }

    /// <summary>For tests: a signer with a known key.</summary>
    public LocalSignedUrls(string signingKey, string publicBaseUrl, TimeProvider time)
    {
        _key = Encoding.UTF8.GetBytes(signingKey);
        _baseUrl = publicBaseUrl.TrimEnd('/');
        _time = time;
    }

    /// <summary>An absolute link under the public address, for readers outside the browser (networks, e-mails).</summary>
    public Uri Create(string key, TimeSpan lifetime, string? downloadFileName = null) =>
        new(_baseUrl + PathAndQuery(key, lifetime, downloadFileName), UriKind.Absolute);

    /// <summary>
    /// A link relative to the origin the SPA is served from: the browser resolves it against whatever address the app
    /// answers at (another port, a proxy, a custom domain), so it never depends on the configured public address.
    /// </summary>
    public Uri CreateRelative(string key, TimeSpan lifetime, string? downloadFileName = null) =>
        new(PathAndQuery(key, lifetime, downloadFileName), UriKind.Relative);

    private string PathAndQuery(string key, TimeSpan lifetime, string? downloadFileName)
    {
        StorageKey.Require(key);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A link lives between 1 second and {MaxLifetime.TotalDays} days.");
        }

        var expires = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var url = new StringBuilder(RoutePrefix).Append('/').Append(key)
            .Append("?expires=").Append(expires)
            .Append("&sig=").Append(Signature(key, expires, downloadFileName));
        if (!string.IsNullOrEmpty(downloadFileName))
        {
            url.Append("&name=").Append(Uri.EscapeDataString(downloadFileName));
        }

        return url.ToString();
    }

    /// <summary>Judges a link's parts as the API received them (query values already decoded).</summary>
    public SignedLinkVerdict Verify(string key, string? expires, string? name, string? signature, DateTimeOffset now)
    {
        if (!StorageKey.IsValid(key) || string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return SignedLinkVerdict.Invalid;
        }

        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(signature);
        }
        catch (FormatException)
        {
            return SignedLinkVerdict.Invalid;
        }

        // The raw expiry text is signed, so "0123" for "123" is a change too. Constant time: no timing oracle on the MAC.
        if (!CryptographicOperations.FixedTimeEquals(Mac(key, expires, name), given))
        {
            return SignedLinkVerdict.Invalid;
        }

        return now.ToUnixTimeSeconds() >= expiresAt ? SignedLinkVerdict.Expired : SignedLinkVerdict.Valid;
    }

    private string Signature(string key, string expires, string? name) => WebEncoders.Base64UrlEncode(Mac(key, expires, name));

    private byte[] Mac(string key, string expires, string? name) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{key}\n{expires}\n{name}"));

    private static string LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        // Owner-only from the moment it exists; CreateNew so that two first runs at once end up sharing one key.
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, create);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
    }
}
