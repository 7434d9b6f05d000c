namespace BrandAutomator.Application.Assets;

/// <summary>The durable queue of processing work; enqueueing joins the tenant database's current transaction.</summary>
public interface IAssetProcessingQueue
{
    Task EnqueueAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken);
}

/// <summary>
/// A search result: the passage (or, with no <paramref name="ChunkId"/>, the file name) that matched, its heading path,
/// an HTML snippet with &lt;mark&gt; around the matched words, its fused relevance, and whether the file is
/// <c>current</c> or <c>archived</c>.
/// </summary>
public sealed record FileSearchHit(
    Guid AssetId, string AssetName, string AssetType, Guid? ChunkId, int? Page, string Snippet, double Score, string? Heading, string Status);

/// <summary>
/// Which passages a search may return: those of one company (and of no company), archived ones or not. With
/// <paramref name="Answering"/> the text is a question to answer, and passages about its subject that cannot answer it
/// are left out too (<see cref="Answerability"/>): none when it names something no document mentions, or asks for a kind
/// of fact no found passage speaks of.
/// </summary>
public sealed record PassageScope(Guid? CompanyId, bool IncludeArchived, bool Answering = false);

/// <summary>Hybrid (full-text and sentence-embedding) search over the tenant's asset passages and names.</summary>
public interface IAssetSearch
{
    /// <summary>The passages that answer <paramref name="query"/> best, archived files included and labelled, then files named like it.</summary>
    Task<IReadOnlyList<FileSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The passages that bear on <paramref name="question"/>, whole, most relevant first, only those above the relevance
    /// floor (none when the documents do not cover it), for grounding the AI.
    /// </summary>
    Task<IReadOnlyList<PassageHit>> FindPassagesAsync(string question, PassageScope scope, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// A passage found for grounding, with its heading path and relevance (0..1, 1 = the most relevant found) and, for an
/// answer, the cosine with the question of each of its parts (sentence, list item, table row) by the part's text.
/// </summary>
public sealed record PassageHit(
    Guid AssetId, string AssetName, Guid ChunkId, int? Page, string Text, string? Heading, double Relevance, IReadOnlyDictionary<string, double>? PartCosines = null);
