namespace BrandAutomator.Domain.Assets;

public enum AssetType
{
    Image,
    Video,
    Document,
    Text,
}

/// <summary>Whether a document still counts: archived ones are kept and searchable but left out of grounding by default.</summary>
public enum AssetStatus
{
    Current,
    Archived,
}

public enum AssetState
{
    Uploaded,
    Processing,
    Ready,
    Failed,
}
