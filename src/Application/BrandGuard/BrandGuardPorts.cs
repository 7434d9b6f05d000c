namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// A passage of a ready document that may support or contradict a claim, with whether its document still counts and the
/// brand the document belongs to (null: the whole workspace's).
/// </summary>
public sealed record EvidencePassage(
    Guid AssetId, string AssetName, Guid ChunkId, int? Page, string? Heading, string Text, bool Current, Guid? CompanyId = null);

/// <summary>A passage the brand's rules may be read from: a ready, current document's, with its brand (null: the whole workspace's).</summary>
public sealed record RulePassage(Guid AssetId, string AssetName, Guid ChunkId, int? Page, string? Heading, string Text, Guid? CompanyId = null);

/// <summary>Reads the tenant's document passages for the brand guard.</summary>
public interface IGuardEvidence
{
    /// <summary>
    /// The statements with a figure or an award in the ready documents of one brand (<paramref name="companyId"/>) and of
    /// the whole workspace, current and archived (labelled), as of now; with a null brand, the workspace's alone. Another
    /// brand's documents are never among them. Read again only when a document was processed, archived, restored, moved
    /// to another brand or deleted since they were last read.
    /// </summary>
    Task<StatementIndex> StatementsAsync(Guid? companyId, CancellationToken cancellationToken);

    /// <summary>Every passage of the current ready documents, with its brand: what the rules are read from.</summary>
    Task<IReadOnlyList<RulePassage>> CurrentPassagesAsync(CancellationToken cancellationToken);

    /// <summary>Identifies the current ready documents (ids, versions, brands) and the company names: when it changes, the rules are read again.</summary>
    Task<string> SourceFingerprintAsync(CancellationToken cancellationToken);
}
