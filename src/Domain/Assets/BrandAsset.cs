using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Assets;

/// <summary>
/// An uploaded brand file: logo, brand book, video, document. Its bytes are in file storage under <see cref="StorageKey"/>;
/// its processing (metadata, thumbnails, text for search) moves it Uploaded -> Processing -> Ready | Failed.
/// </summary>
public sealed class BrandAsset : Entity<Guid>
{
    public const int MaxNameLength = 120;
    public const int MaxTags = 20;
    public const int MaxAttempts = 5;
    public const int MaxSuggestionLength = 200;

    /// <summary>X's limit for a description of an image, the shortest of the networks that take one.</summary>
    public const int MaxAltTextLength = 1000;

    private List<string> _tags = [];

    private BrandAsset()
    {
    }

    public Guid? CompanyId { get; private set; }

    public string Name { get; private set; } = "";

    public string OriginalFileName { get; private set; } = "";

    public AssetType Type { get; private set; }

    public string MediaType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the bytes, hex: a second upload of the same file is recognised.</summary>
    public string Sha256 { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    public AssetState State { get; private set; }

    public string? FailureReason { get; private set; }

    public int ProcessingAttempts { get; private set; }

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    public double? DurationSeconds { get; private set; }

    public string? ThumbnailSmallKey { get; private set; }

    public string? ThumbnailLargeKey { get; private set; }

    public int ChunkCount { get; private set; }

    /// <summary>The passage format (chunker and embedding model) the passages were made with; older ones are re-indexed.</summary>
    public int IndexVersion { get; private set; }

    public AssetStatus Status { get; private set; }

    /// <summary>The asset that replaces this archived one, when the user named it.</summary>
    public Guid? SupersededBy { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>
    /// Why the document looks no longer valid (its title or opening lines say so), for the user to decide; null when
    /// nothing suggests it or once the asset is archived.
    /// </summary>
    public string? ArchiveSuggestion { get; private set; }

    public IReadOnlyList<string> Tags => _tags;

    /// <summary>What the image shows, for people who cannot see it: sent with the image to networks that take one.</summary>
    public string? AltText { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>1 for the bytes first stored; each replacement by a newer revision (a Drive sync) adds one.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The Google Drive file it was imported from; null for an upload.</summary>
    public AssetOrigin? Origin { get; private set; }

    public static BrandAsset Register(
        Guid id, Guid? companyId, string name, string originalFileName, AssetType type, string mediaType, long sizeBytes,
        string sha256, string storageKey, Guid uploadedBy, DateTimeOffset now) =>
        new()
        {
            Id = id,
            CompanyId = companyId,
            Name = CleanName(name),
            OriginalFileName = originalFileName.Length > 255 ? originalFileName[..255] : originalFileName,
            Type = type,
            MediaType = mediaType,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            StorageKey = storageKey,
            State = AssetState.Uploaded,
            UploadedBy = uploadedBy,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void Rename(string name, DateTimeOffset now)
    {
        Name = CleanName(name);
        UpdatedAt = now;
    }

    /// <summary>Describes the image (empty clears it); only images and videos are described.</summary>
    public void Describe(string altText, DateTimeOffset now)
    {
        if (Type is not (AssetType.Image or AssetType.Video))
        {
            throw new DomainRuleException("Only images and videos have a description.", "altText");
        }

        var trimmed = altText.Trim();
        if (trimmed.Length > MaxAltTextLength)
        {
            throw new DomainRuleException($"A description has at most {MaxAltTextLength:N0} characters.", "altText");
        }

        AltText = trimmed.Length == 0 ? null : trimmed;
        UpdatedAt = now;
    }

    /// <summary>
    /// Gives the asset to one brand, or (null) to every brand of the workspace: a document's passages then ground and
    /// guard that brand's posts alone, or every brand's.
    /// </summary>
    public void AssignTo(Guid? companyId, DateTimeOffset now)
    {
        CompanyId = companyId;
        UpdatedAt = now;
    }

    public void Tag(IEnumerable<string> tags, DateTimeOffset now)
    {
        var cleaned = tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        if (cleaned.Count > MaxTags || cleaned.Any(t => t.Length > 40))
        {
            throw new DomainRuleException($"Up to {MaxTags} tags of at most 40 characters.", "tags");
        }

        _tags = cleaned;
        UpdatedAt = now;
    }

    /// <summary>Claims the asset for a processing attempt; false when it is already done or out of attempts.</summary>
    public bool StartProcessing(DateTimeOffset now)
    {
        if (State is AssetState.Ready or AssetState.Failed)
        {
            return false;
        }

        State = AssetState.Processing;
        ProcessingAttempts++;
        UpdatedAt = now;
        return true;
    }

    public void RecordImage(int width, int height, string smallThumbnailKey, string largeThumbnailKey)
    {
        Width = width;
        Height = height;
        ThumbnailSmallKey = smallThumbnailKey;
        ThumbnailLargeKey = largeThumbnailKey;
    }

    public void RecordVideo(double? durationSeconds, int? width, int? height)
    {
        DurationSeconds = durationSeconds;
        Width = width;
        Height = height;
    }

    public void MarkReady(int chunkCount, DateTimeOffset now) => MarkReady(chunkCount, IndexVersion, null, now);

    /// <summary>Processing done: the passages were made with <paramref name="indexVersion"/>; the text may suggest archiving.</summary>
    public void MarkReady(int chunkCount, int indexVersion, string? archiveSuggestion, DateTimeOffset now)
    {
        ChunkCount = chunkCount;
        IndexVersion = indexVersion;
        ArchiveSuggestion = Status == AssetStatus.Archived || archiveSuggestion is null
            ? null
            : archiveSuggestion.Length > MaxSuggestionLength ? archiveSuggestion[..MaxSuggestionLength] : archiveSuggestion;
        State = AssetState.Ready;
        FailureReason = null;
        ProcessedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Passages made with an older format are made again: a ready asset goes back to Uploaded with a fresh count of attempts.
    /// False when the asset is not ready (it is being processed, or failed for good) or already current.
    /// </summary>
    public bool RequestReindex(int currentIndexVersion, DateTimeOffset now)
    {
        if (State != AssetState.Ready || IndexVersion >= currentIndexVersion)
        {
            return false;
        }

        State = AssetState.Uploaded;
        ProcessingAttempts = 0;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Records (or, after a sync, updates) the file the asset was imported from.</summary>
    public void RecordOrigin(AssetOrigin origin, DateTimeOffset now)
    {
        Origin = origin;
        UpdatedAt = now;
    }

    /// <summary>
    /// A newer revision of the same file: new bytes under <paramref name="storageKey"/>, processed again from the start
    /// (metadata, thumbnails, passages), as version <see cref="Version"/> + 1. The name, tags and description stay.
    /// </summary>
    public void ReplaceContent(AssetType type, string mediaType, long sizeBytes, string sha256, string storageKey, DateTimeOffset now)
    {
        Type = type;
        MediaType = mediaType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        StorageKey = storageKey;
        Width = null;
        Height = null;
        DurationSeconds = null;
        ThumbnailSmallKey = null;
        ThumbnailLargeKey = null;
        ChunkCount = 0;
        ArchiveSuggestion = null;
        FailureReason = null;
        ProcessingAttempts = 0;
        ProcessedAt = null;
        State = AssetState.Uploaded;
        Version++;
        UpdatedAt = now;
    }

    /// <summary>Archives the asset, optionally naming the one that supersedes it (not itself).</summary>
    public void Archive(Guid? supersededBy, DateTimeOffset now)
    {
        if (supersededBy == Id)
        {
            throw new DomainRuleException("An asset cannot supersede itself.", "supersededBy");
        }

        Status = AssetStatus.Archived;
        SupersededBy = supersededBy;
        ArchivedAt = now;
        ArchiveSuggestion = null;
        UpdatedAt = now;
    }

    /// <summary>Makes an archived asset current again.</summary>
    public void Restore(DateTimeOffset now)
    {
        if (Status != AssetStatus.Archived)
        {
            throw new DomainRuleException("Only an archived asset can be restored.", "status");
        }

        Status = AssetStatus.Current;
        SupersededBy = null;
        ArchivedAt = null;
        UpdatedAt = now;
    }

    /// <summary>A failed attempt: back to Uploaded for a retry, or Failed for good once attempts run out.</summary>
    public void RecordFailure(string reason, bool permanent, DateTimeOffset now)
    {
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
        State = permanent || ProcessingAttempts >= MaxAttempts ? AssetState.Failed : AssetState.Uploaded;
        UpdatedAt = now;
    }

    private static string CleanName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is > 0 and <= MaxNameLength
            ? trimmed
            : throw new DomainRuleException($"A name has 1 to {MaxNameLength} characters.", "name");
    }
}
