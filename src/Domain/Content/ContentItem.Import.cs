namespace BrandAutomator.Domain.Content;

/// <summary>Posts that came from a CSV file.</summary>
public sealed partial class ContentItem
{
    public const int ImportKeyLength = 64;

    /// <summary>
    /// The row it was imported from, as a hash of the row's content (unique in the workspace), so that importing the
    /// same file again creates nothing; null for posts made in the composer.
    /// </summary>
    public string? ImportKey { get; private set; }

    /// <summary>A draft made from a row of an imported file, keyed by that row.</summary>
    public static ContentItem Import(
        Guid? companyId, string title, IReadOnlyList<ContentVariant> variants, DateTimeOffset? plannedAt, string importKey, Guid createdBy, DateTimeOffset now)
    {
        if (importKey.Length != ImportKeyLength)
        {
            throw new ArgumentException($"An import key has {ImportKeyLength} characters.", nameof(importKey));
        }

        var item = Create(companyId, title, variants, plannedAt, createdBy, now);
        item.ImportKey = importKey;
        return item;
    }
}
