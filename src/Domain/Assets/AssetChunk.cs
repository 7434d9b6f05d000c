namespace BrandAutomator.Domain.Assets;

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

    /// <summary>The headings the passage sits under, outermost first, joined by " › "; null when it has none.</summary>
    public string? Heading { get; private set; }

    /// <summary>The unit-length sentence embedding of heading and text; null until computed.</summary>
    public float[]? Embedding { get; private set; }

    public const int MaxHeadingLength = 300;

    public static AssetChunk Create(Guid assetId, int ordinal, int? page, string text) => Create(assetId, ordinal, page, text, null, null);

    public static AssetChunk Create(Guid assetId, int ordinal, int? page, string text, string? heading, float[]? embedding) =>
        new()
        {
            Id = Guid.NewGuid(), AssetId = assetId, Ordinal = ordinal, Page = page, Text = text,
            Heading = heading is { Length: > MaxHeadingLength } ? heading[..MaxHeadingLength] : heading, Embedding = embedding,
        };
}
