using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Files;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Files;

public sealed class GcsStorageTests : IDisposable
{
    private const string Bucket = "brand-assets-test";
    private const string ClientEmail = "files@brand-test.iam.gserviceaccount.com";
    private const string Key = "tenant-7f1c/assets/3b9e/original.png";

    private readonly RSA _serviceAccountKey = RSA.Create(2048);
    private readonly FakeGcsServer _gcs = new(Bucket);
    private readonly GcsStorage _storage;

    public GcsStorageTests() => _storage = Storage(_gcs.BaseUri);

    public void Dispose()
    {
        _storage.Dispose();
        _gcs.Dispose();
        _serviceAccountKey.Dispose();
    }

    [Fact]
    public async Task Upload_sends_the_bytes_to_the_object_named_by_the_key()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var stored = await _storage.SaveAsync(Key, new MemoryStream(bytes), "image/png", default);

        Assert.Equal(new Application.Common.Ports.StoredObject(Key, bytes.Length), stored);
        var uploaded = Assert.Single(_gcs.Objects);
        Assert.Equal(Key, uploaded.Key);
        Assert.Equal(bytes, uploaded.Value.Bytes);
        Assert.Equal("image/png", uploaded.Value.ContentType);
        Assert.Contains(_gcs.Server.LogEntries, e =>
            e.RequestMessage.Method == "POST" && e.RequestMessage.AbsolutePath == $"/upload/storage/v1/b/{Bucket}/o"
            && e.RequestMessage.RawQuery.Contains("uploadType=resumable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_large_upload_from_an_unseekable_stream_goes_in_chunks_and_arrives_whole()
    {
        // Three chunks at the library's default 10 MB: the object never travels, nor sits in memory, in one piece.
        var upload = new GeneratedStream(21L * 1024 * 1024);

        var stored = await _storage.SaveAsync(Key, upload, "video/mp4", default);

        Assert.Equal(21L * 1024 * 1024, stored.Size);
        var uploaded = _gcs.Objects[Key];
        Assert.Equal(upload.Sha256(), SHA256.HashData(uploaded.Bytes));
        Assert.True(uploaded.Chunks >= 3, $"{uploaded.Chunks} request(s)");
    }

    [Fact]
    public async Task Download_streams_back_the_object_bytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        _gcs.Put(Key, bytes, "image/png");

        await using var read = await _storage.OpenReadAsync(Key, default);

        Assert.True(read.CanSeek);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Contains(_gcs.Server.LogEntries, e =>
            e.RequestMessage.Method == "GET"
            && e.RequestMessage.Url.EndsWith($"/b/{Bucket}/o/{Uri.EscapeDataString(Key)}?alt=media", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_a_missing_object_throws_file_not_found()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => _storage.OpenReadAsync(Key, default));
    }

    [Fact]
    public async Task Upload_then_download_round_trips()
    {
        var bytes = Encoding.UTF8.GetBytes("Our voice: warm, direct, never smug.");

        await _storage.SaveAsync(Key, new MemoryStream(bytes), "text/plain", default);
        await using var read = await _storage.OpenReadAsync(Key, default);

        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Delete_removes_the_object_and_a_missing_object_is_not_an_error()
    {
        _gcs.Put(Key, [1, 2, 3]);

        await _storage.DeleteAsync(Key, default);

        Assert.Empty(_gcs.Objects);
        await _storage.DeleteAsync(Key, default);
        Assert.Contains(_gcs.Server.LogEntries, e => e.RequestMessage.Method == "DELETE" && e.ResponseMessage.StatusCode is 404);
    }

    [Fact]
    public async Task Exists_follows_the_object_metadata()
    {
        Assert.False(await _storage.ExistsAsync(Key, default));

        _gcs.Put(Key, [1]);

        Assert.True(await _storage.ExistsAsync(Key, default));
    }

    [Theory]
    [InlineData("../other-tenant/secret.png")]
    [InlineData("/tenant-1/a.png")]
    [InlineData("tenant-1\\a.png")]
    [InlineData("tenant-1/a\0.png")]
    public async Task Hostile_keys_are_refused_before_any_request(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.SaveAsync(key, new MemoryStream([1]), "image/png", default));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.OpenReadAsync(key, default));
        Assert.Throws<ArgumentException>(() => _storage.CreateSignedUrl(key, TimeSpan.FromMinutes(5), LinkAudience.Outside));

        Assert.Empty(_gcs.Server.LogEntries);
    }

    [Fact]
    public void Signed_url_is_a_google_v4_url_whose_signature_verifies_with_the_service_account_key()
    {
        using var storage = Storage(StorageOptions.GoogleBaseUri);
        var before = DateTimeOffset.UtcNow;

        var url = storage.CreateSignedUrl(Key, TimeSpan.FromMinutes(15), LinkAudience.Outside);

        Assert.Equal($"https://storage.googleapis.com/{Bucket}/{Key}", url.GetLeftPart(UriPartial.Path));
        var query = Query(url);
        Assert.Equal("GOOG4-RSA-SHA256", query["X-Goog-Algorithm"]);
        Assert.Equal("900", query["X-Goog-Expires"]);
        Assert.Equal("host", query["X-Goog-SignedHeaders"]);
        var signedAt = DateTimeOffset.ParseExact(query["X-Goog-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(signedAt, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal($"{ClientEmail}/{query["X-Goog-Date"][..8]}/auto/storage/goog4_request", query["X-Goog-Credential"]);
        Assert.True(V4SignatureVerifies(url, Bucket, Key), "The X-Goog-Signature does not match the recomputed string to sign.");
    }

    [Fact]
    public void Signed_url_with_a_download_name_signs_the_content_disposition_too()
    {
        using var storage = Storage(StorageOptions.GoogleBaseUri);

        var url = storage.CreateSignedUrl(Key, TimeSpan.FromMinutes(15), LinkAudience.Outside, "Brand book – 2026.pdf");

        var disposition = Query(url)["response-content-disposition"];
        Assert.StartsWith("attachment; filename=", disposition, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''Brand%20book%20%E2%80%93%202026.pdf", disposition, StringComparison.Ordinal);
        Assert.True(V4SignatureVerifies(url, Bucket, Key));
    }

    [Fact]
    public void Changing_the_object_or_the_expiry_of_a_signed_url_breaks_its_signature()
    {
        using var storage = Storage(StorageOptions.GoogleBaseUri);
        var url = storage.CreateSignedUrl(Key, TimeSpan.FromMinutes(15), LinkAudience.Outside);

        // The recomputation would catch a tampered link the way Google does, so it is not true of everything.
        Assert.False(V4SignatureVerifies(new Uri(url.ToString().Replace("/original.png", "/other.png", StringComparison.Ordinal)), Bucket, "tenant-7f1c/assets/3b9e/other.png"));
        Assert.False(V4SignatureVerifies(new Uri(url.ToString().Replace("X-Goog-Expires=900", "X-Goog-Expires=604800", StringComparison.Ordinal)), Bucket, Key));
    }

    [Fact]
    public void Signed_url_for_a_configured_endpoint_points_at_its_host_and_port()
    {
        var url = _storage.CreateSignedUrl(Key, TimeSpan.FromMinutes(5), LinkAudience.Outside);

        var endpoint = new Uri(_gcs.BaseUri);
        Assert.Equal($"{endpoint.Scheme}://{endpoint.Authority}/{Bucket}/{Key}", url.GetLeftPart(UriPartial.Path));
        Assert.True(V4SignatureVerifies(url, Bucket, Key));
    }

    /// <summary>
    /// Rebuilds the canonical request and string to sign of Google's V4 signing process from the URL alone, and checks
    /// X-Goog-Signature against the service account's public key.
    /// </summary>
    private bool V4SignatureVerifies(Uri url, string bucket, string objectName)
    {
        var query = Query(url);
        var canonicalUri = $"/{bucket}/{string.Join('/', objectName.Split('/').Select(Uri.EscapeDataString))}";
        var canonicalQuery = string.Join('&', query
            .Where(p => p.Key != "X-Goog-Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        // The host without a port: what the client library signs for a custom endpoint (Google's own has none to give).
        var canonicalRequest = string.Join('\n', "GET", canonicalUri, canonicalQuery, $"host:{url.Host}", "", "host", "UNSIGNED-PAYLOAD");

        var timestamp = query["X-Goog-Date"];
        var scope = $"{timestamp[..8]}/auto/storage/goog4_request";
        var stringToSign = string.Join('\n', "GOOG4-RSA-SHA256", timestamp, scope,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        return url.AbsolutePath == canonicalUri
            && _serviceAccountKey.VerifyData(Encoding.UTF8.GetBytes(stringToSign), Convert.FromHexString(query["X-Goog-Signature"]),
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static Dictionary<string, string> Query(Uri url) =>
        QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    private GcsStorage Storage(string baseUri) => new(Options.Create(new StorageOptions
    {
        Provider = StorageProvider.Gcs,
        GcsBucket = Bucket,
        GcsBaseUri = baseUri,
        GcsCredentialsJson = ServiceAccountJson(),
    }));

    /// <summary>A service-account key file as the Cloud console hands it out, for a throwaway key made by this test.</summary>
    private string ServiceAccountJson() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type"] = "service_account",
        ["project_id"] = "brand-test",
        ["private_key_id"] = "0123456789abcdef",
        ["private_key"] = _serviceAccountKey.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = ClientEmail,
        ["client_id"] = "100000000000000000001",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        // Never reached: the library signs its own short-lived JWTs for the API instead of fetching tokens.
        ["token_uri"] = $"{_gcs.Server.Url}/token",
    });
}
