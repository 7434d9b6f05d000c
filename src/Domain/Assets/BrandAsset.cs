using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Assets;

public enum AssetType
{
    Image,
    Video,
    Document,
    Text,
}

public enum AssetState
{
    Uploaded,
    Processing,
    Ready,
    Failed,
}

/// <summary>
/// An uploaded brand file: logo, brand book, video, document. Its bytes are in file storage under <see cref="StorageKey"/>;
/// its processing (metadata, thumbnails, text for search) moves it Uploaded -> Processing -> Ready | Failed.
/// </summary>
public sealed class BrandAsset : Entity<Guid>
{
    public const int MaxNameLength = 120;
    public const int MaxTags = 20;
    public const int MaxAttempts = 5;

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

    public IReadOnlyList<string> Tags => _tags;

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

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

    public void MarkReady(int chunkCount, DateTimeOffset now)
    {
        ChunkCount = chunkCount;
        State = AssetState.Ready;
        FailureReason = null;
        ProcessedAt = now;
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

/// <summary>A passage of an asset's text, indexed for search and cited by the AI.</summary>
public sealed class AssetChunk
{
    private AssetChunk()
    {
    }

    public Guid Id { get; private set; }

    public Guid AssetId { get; private set; }

    public int Ordinal { get; private set; }

    public int? Page { get; private set; }

    public string Text { get; private set; } = "";

    public static AssetChunk Create(Guid assetId, int ordinal, int? page, string text) =>
        new() { Id = Guid.NewGuid(), AssetId = assetId, Ordinal = ordinal, Page = page, Text = text };
}
