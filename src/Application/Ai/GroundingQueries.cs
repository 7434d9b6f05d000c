namespace BrandAutomator.Application.Ai;

/// <summary>
/// Several targeted look-ups merged into one numbered set of passages, for the generators: a question about the brand as
/// a whole ("values", "tone of voice", "words to avoid", "brand colours") finds the parts of a brand guide that one
/// query made of the profile would miss. Passages keep the order of the queries (each query's best first, taken in
/// turns), appear once, and are numbered from 1 so that a draft can cite them.
/// </summary>
public static class GroundingQueries
{
    public static async Task<IReadOnlyList<GroundingPassage>> FindEachAsync(
        this GroundingRetriever retriever, IEnumerable<string> queries, Guid companyId, int perQuery, int limit, CancellationToken cancellationToken)
    {
        var found = new List<IReadOnlyList<GroundingPassage>>();
        foreach (var query in queries.Where(q => !string.IsNullOrWhiteSpace(q)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            found.Add(await retriever.FindAsync(query, companyId, perQuery, cancellationToken));
        }

        var merged = new List<GroundingPassage>();
        var seen = new HashSet<Guid>();
        for (var rank = 0; rank < perQuery && merged.Count < limit; rank++)
        {
            foreach (var passages in found)
            {
                if (rank < passages.Count && merged.Count < limit && seen.Add(passages[rank].ChunkId))
                {
                    merged.Add(passages[rank] with { Number = merged.Count + 1 });
                }
            }
        }

        return merged;
    }

    /// <summary>The passages with these numbers as citations, each with a snippet of what was taken from it.</summary>
    public static IReadOnlyList<Domain.Ai.ChatCitation> Citations(IReadOnlyList<GroundingPassage> passages, IEnumerable<int> numbers, string about) =>
        numbers.Distinct().Where(n => n >= 1 && n <= passages.Count).Order().Select(n =>
        {
            var p = passages[n - 1];
            return (p with { Number = n }).Cite(GroundingRetriever.Snippet(p.Text, about));
        }).ToList();
}
