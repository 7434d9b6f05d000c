namespace BrandAutomator.Application.Common.Ports;

/// <summary>Where uploaded bytes live: local disk by default, Google Cloud Storage when configured.</summary>
public interface IFileStorage
{
    /// <summary>Streams <paramref name="content"/> to <paramref name="key"/>, never holding the whole object in memory.</summary>
    Task<StoredObject> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object; a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A link that reads the object until it expires; any change to it makes it invalid. For <see cref="LinkAudience.Browser"/>
    /// a local link is relative, so it works wherever the app is served; for <see cref="LinkAudience.Outside"/> it is absolute.
    /// </summary>
    Uri CreateSignedUrl(string key, TimeSpan lifetime, LinkAudience audience, string? downloadFileName = null);

    /// <summary>How long links live unless a use case needs otherwise (<c>Storage:SignedUrlLifetimeMinutes</c>).</summary>
    TimeSpan DefaultLinkLifetime { get; }
}

/// <summary>Who follows a signed link.</summary>
public enum LinkAudience
{
    /// <summary>The SPA in the user's browser, on the same origin as the API, whatever address it is served at.</summary>
    Browser,

    /// <summary>Someone outside the browser (a social network fetching media, an e-mail reader): needs the public address.</summary>
    Outside,
}

public sealed record StoredObject(string Key, long Size);

/// <summary>What kind of asset a file is, decided from its bytes, never from its name.</summary>
public enum AssetKind
{
    Image,
    Video,
    Document,
    Text,
}

/// <summary>The verdict on an uploaded file's bytes.</summary>
public sealed record ContentInspection(bool Accepted, AssetKind Kind, string MediaType, string Extension, string? RefusalReason)
{
    public static ContentInspection Refused(string reason) => new(false, AssetKind.Document, "application/octet-stream", "", reason);
}

/// <summary>Identifies a file by its content against the allow-list, and refuses disguised or dangerous files.</summary>
public interface IContentInspector
{
    /// <summary>Reads <paramref name="file"/> (a seekable local copy of the upload) and decides what it is.</summary>
    Task<ContentInspection> InspectAsync(Stream file, string declaredFileName, CancellationToken cancellationToken);
}

public sealed record ImageInfo(int Width, int Height);

public sealed record VideoInfo(TimeSpan? Duration, int? Width, int? Height);

/// <summary>Reads media for the processing step: image sizes and thumbnails, video metadata, document text.</summary>
public interface IMediaAnalyzer
{
    ImageInfo ReadImage(Stream image);

    /// <summary>A thumbnail whose longer side is at most <paramref name="maxSide"/> pixels, as PNG bytes.</summary>
    byte[] Thumbnail(Stream image, int maxSide);

    /// <summary>Duration and frame size where the container says them; nulls where it does not.</summary>
    VideoInfo ReadVideo(Stream video);

    /// <summary>The plain text of a PDF, DOCX, Markdown or text file.</summary>
    string ExtractText(Stream document, string mediaType);
}
