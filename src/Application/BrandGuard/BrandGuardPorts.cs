namespace BrandAutomator.Application.BrandGuard;

/// <summary>A passage of a ready document that may support or contradict a claim, with whether its document still counts.</summary>
public sealed record EvidencePassage(Guid AssetId, string AssetName, Guid ChunkId, int? Page, string? Heading, string Text, bool Current);

/// <summary>A passage the brand's rules may be read from: a ready, current document's.</summary>
public sealed record RulePassage(Guid AssetId, string AssetName, Guid ChunkId, int? Page, string? Heading, string Text);

/// <summary>Reads the tenant's document passages for the brand guard.</summary>
public interface IGuardEvidence
{
    /// <summary>
    /// The statements with a figure or an award in the ready documents, current and archived (labelled), as of now:
    /// read again only when a document was processed, archived, restored or deleted since they were last read.
    /// </summary>
    Task<StatementIndex> StatementsAsync(CancellationToken cancellationToken);

    /// <summary>Every passage of the current ready documents: what the rules are read from.</summary>
    Task<IReadOnlyList<RulePassage>> CurrentPassagesAsync(CancellationToken cancellationToken);

    /// <summary>Identifies the current ready documents and the company names (ids, versions): when it changes, the rules are read again.</summary>
    Task<string> SourceFingerprintAsync(CancellationToken cancellationToken);
}
