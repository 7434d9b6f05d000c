using System.Net;
using BrandAutomator.Application.Common.Ports;
using Google;
using Google.Apis.Auth.OAuth2;
using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Files;

/// <summary>
/// Objects in a Google Cloud Storage bucket, named by their key (<c>tenant-{id}/assets/...</c>); links are V4 signed
/// URLs, signed with the service account's private key, that the browser fetches from Google directly.
/// </summary>
public sealed class GcsStorage : IFileStorage, IDisposable
{
    private const int SpoolBufferSize = 81_920;

    private readonly StorageClient _client;
    private readonly UrlSigner _signer;
    private readonly string _bucket;
    private readonly Uri _endpoint;
    private readonly int _linkLifetimeMinutes;

    public GcsStorage(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        _linkLifetimeMinutes = settings.SignedUrlLifetimeMinutes;
        _bucket = settings.GcsBucket ?? throw new InvalidOperationException("Storage:GcsBucket is not set.");
        var credential = CredentialFactory.FromJson<ServiceAccountCredential>(
            settings.GcsCredentialsJson ?? throw new InvalidOperationException("Storage:GcsCredentialsJson is not set."));
        _endpoint = new Uri(settings.GcsBaseUri);
        _client = new StorageClientBuilder
        {
            BaseUri = settings.GcsBaseUri,
            GoogleCredential = credential.ToGoogleCredential(),
        }.Build();
        // Signed with the system clock, not our TimeProvider: Google checks the link against real time.
        _signer = UrlSigner.FromCredential(credential);
    }

    public async Task<StoredObject> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        // A resumable upload: the library sends the stream in chunks (at most one chunk in memory), never the whole object.
        var stored = await _client.UploadObjectAsync(_bucket, StorageKey.Require(key), contentType, content, options: null, cancellationToken);
        var size = stored.Size ?? throw new InvalidOperationException($"Cloud Storage did not report the size of '{key}'.");
        return new StoredObject(key, checked((long)size));
    }

    /// <summary>
    /// Downloads the object to a temporary file that is deleted when the stream is closed. The bytes go to disk, never all
    /// to memory, and callers get a seekable stream, as from <see cref="LocalDiskStorage"/> (thumbnails and media
    /// metadata readers seek).
    /// </summary>
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        StorageKey.Require(key);
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"brandauto-gcs-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, SpoolBufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await _client.DownloadObjectAsync(_bucket, key, spool, options: null, cancellationToken);
            spool.Position = 0;
            return spool;
        }
        catch (GoogleApiException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            await spool.DisposeAsync();
            throw new FileNotFoundException($"No object '{key}'.", key, e);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteObjectAsync(_bucket, StorageKey.Require(key), options: null, cancellationToken);
        }
        catch (GoogleApiException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: deleting is idempotent (a retried asset delete must not fail on its second run).
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client.GetObjectAsync(_bucket, StorageKey.Require(key), options: null, cancellationToken);
            return true;
        }
        catch (GoogleApiException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public TimeSpan DefaultLinkLifetime => TimeSpan.FromMinutes(_linkLifetimeMinutes);

    /// <summary>Google serves the object, so the link is absolute for every audience (the SPA's CSP allows its origin).</summary>
    public Uri CreateSignedUrl(string key, TimeSpan lifetime, LinkAudience audience, string? downloadFileName = null)
    {
        var request = UrlSigner.RequestTemplate.FromBucket(_bucket)
            .WithObjectName(StorageKey.Require(key))
            .WithHttpMethod(HttpMethod.Get);
        if (!string.IsNullOrEmpty(downloadFileName))
        {
            // Signed with the rest, so the name cannot be changed; Google sends it back as the Content-Disposition.
            request = request.WithQueryParameters(
                [new("response-content-disposition", [DownloadNames.AttachmentDisposition(downloadFileName)])]);
        }

        // Signed for the configured endpoint's host, so a fake server in tests (or an emulator) gets URLs it can check.
        var options = UrlSigner.Options.FromDuration(lifetime)
            .WithSigningVersion(SigningVersion.V4)
            .WithScheme(_endpoint.Scheme)
            .WithHost(_endpoint.Host)
            .WithPort(_endpoint.IsDefaultPort ? null : _endpoint.Port);
        return new Uri(_signer.Sign(request, options));
    }

    public void Dispose() => _client.Dispose();
}
