using System.Globalization;
using BrandAutomator.Application.Assets;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Npgsql;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>An asset as the search sees it: whose, whether archived, how many passages, when last processed.</summary>
internal sealed record SearchedAsset(Guid Id, Guid? CompanyId, bool Archived, int ChunkCount, long ProcessedTicks);

/// <summary>The two rankings of <see cref="AssetSearch"/>: lexical in the database, semantic in process.</summary>
internal static class PassageRanking
{
    // Stems in more than this share of the tenant's passages (and more than CommonFloor of them) are not searched for.
    private const double CommonShare = 0.1;
    private const int CommonFloor = 500;

    // The count from which a stem is too common to search for: a share of the tenant's passages, and at least CommonFloor.
    private static readonly string Common = string.Create(CultureInfo.InvariantCulture,
        $"greatest({CommonShare} * coalesce(sum(chunk_count), 0), {CommonFloor})::bigint");

    /// <summary>
    /// The tenant's assets, and how many of its passages hold each of <paramref name="uncounted"/> (see
    /// <see cref="CountsCommand"/>), in one round trip.
    /// </summary>
    public static async Task<(List<SearchedAsset> Assets, Dictionary<string, long> Counts)> AssetsAndCountsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> uncounted, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT id, company_id, status, chunk_count, processed_at FROM brand_assets"));
        if (uncounted.Count > 0)
        {
            batch.BatchCommands.Add(CountsCommand(uncounted));
        }

        var assets = new List<SearchedAsset>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            assets.Add(new SearchedAsset(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetString(2) == nameof(AssetStatus.Archived), reader.GetInt32(3),
                reader.IsDBNull(4) ? 0 : reader.GetFieldValue<DateTimeOffset>(4).UtcTicks));
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (uncounted.Count > 0 && await reader.NextResultAsync(cancellationToken))
        {
            await ReadCountsAsync(reader, counts, cancellationToken);
        }

        return (assets, counts);
    }

    /// <summary>How many of the tenant's passages hold each of <paramref name="words"/> (see <see cref="CountsCommand"/>).</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> words, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return counts;
        }

        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(CountsCommand(words));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await ReadCountsAsync(reader, counts, cancellationToken);
        return counts;
    }

    /// <summary>
    /// The lexical matches of the question's terms among the passages in scope, best first, given how many of the
    /// tenant's passages hold each term (<paramref name="counts"/>, as <see cref="CountsCommand"/> counts them).
    /// </summary>
    /// <remarks>
    /// Each distinct stem of the question gets an IDF from the number of the tenant's passages that contain it (BM25's
    /// form, counted up to a cap). A passage scores the IDF of the stems it contains, times (1 + its length-normalised
    /// cover density), and covers the share of the question's total IDF those stems carry. A stem in a large share of a
    /// large tenant's passages weighs next to nothing, yet scoring every passage it is in would cost the most: it counts
    /// in the question's total but is not searched for (small tenants keep every stem).
    /// </remarks>
    public static async Task<List<LexicalMatch>> LexicalAsync(
        NpgsqlConnection connection, string[] terms, IReadOnlyDictionary<string, long> counts, PassageScope scope, CancellationToken cancellationToken)
    {
        var matches = new List<LexicalMatch>();
        if (terms.Length == 0)
        {
            return matches;
        }

        await using var batch = new NpgsqlBatch(connection);
        var lexical = new NpgsqlBatchCommand($"""
            WITH n AS (SELECT coalesce(sum(chunk_count), 0)::bigint AS total, {Common} AS common FROM brand_assets),
            stems AS MATERIALIZED (
                SELECT DISTINCT websearch_to_tsquery('{TenantDbContext.SearchConfiguration}', t.w) AS q, t.n
                FROM unnest($1::text[], $5::bigint[]) AS t(w, n)
                WHERE numnode(websearch_to_tsquery('{TenantDbContext.SearchConfiguration}', t.w)) > 0),
            w AS (SELECT stems.q, stems.n <= n.common AS searched,
                         ln(1.0 + (greatest(n.total, stems.n) - stems.n + 0.5)::float8 / (stems.n + 0.5)::float8)::float8 AS idf
                  FROM stems, n),
            total AS (SELECT sum(idf) AS idf FROM w),
            anyq AS (SELECT string_agg(q::text, ' | ')::tsquery AS q FROM w WHERE searched)
            SELECT c.id, m.idf * (1 + ts_rank_cd(c.search_vector, anyq.q, 1|32)) AS score, m.idf / total.idf AS coverage
            FROM anyq, total, asset_chunks c
            CROSS JOIN LATERAL (SELECT coalesce(sum(w.idf), 0)::float8 AS idf FROM w WHERE w.searched AND c.search_vector @@ w.q) m
            WHERE anyq.q IS NOT NULL AND total.idf > 0 AND c.search_vector @@ anyq.q
              AND c.asset_id IN (SELECT a.id FROM brand_assets a WHERE a.chunk_count > 0 AND ($2 OR a.status <> '{nameof(AssetStatus.Archived)}')
                                 AND ($3::uuid IS NULL OR a.company_id IS NULL OR a.company_id = $3::uuid))
            ORDER BY score DESC, c.id
            LIMIT $4
            """);
        lexical.Parameters.Add(new NpgsqlParameter { Value = terms, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        lexical.Parameters.Add(new NpgsqlParameter { Value = scope.IncludeArchived, NpgsqlDbType = NpgsqlDbType.Boolean });
        lexical.Parameters.Add(new NpgsqlParameter { Value = (object?)scope.CompanyId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        lexical.Parameters.Add(new NpgsqlParameter { Value = PassageFusion.Depth, NpgsqlDbType = NpgsqlDbType.Integer });
        lexical.Parameters.Add(new NpgsqlParameter
        {
            Value = terms.Select(t => counts.GetValueOrDefault(t)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint,
        });
        batch.BatchCommands.Add(lexical);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            matches.Add(new LexicalMatch(reader.GetGuid(0), reader.GetDouble(1), reader.GetDouble(2)));
        }

        return matches;
    }

    /// <summary>
    /// For each word, how many of the tenant's passages hold its stem, counted up to one more than the "common" count
    /// (beyond it the number no longer matters: the stem is not searched for); 0 for a word without a stem (a stop word).
    /// </summary>
    private static NpgsqlBatchCommand CountsCommand(IReadOnlyCollection<string> words)
    {
        var command = new NpgsqlBatchCommand($"""
            WITH n AS (SELECT {Common} AS common FROM brand_assets)
            SELECT t.w, CASE WHEN numnode(t.q) = 0 THEN 0
                             ELSE (SELECT count(*) FROM (SELECT 1 FROM asset_chunks c WHERE c.search_vector @@ t.q LIMIT (SELECT common + 1 FROM n)) f) END
            FROM (SELECT w, websearch_to_tsquery('{TenantDbContext.SearchConfiguration}', w) AS q FROM unnest($1::text[]) AS w) t
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = words.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    private static async Task ReadCountsAsync(NpgsqlDataReader reader, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
    }

    /// <summary>The eligible passages closest in meaning to the question, best first.</summary>
    public static List<SemanticMatch> Nearest(TenantVectors vectors, ReadOnlySpan<float> query, HashSet<Guid> eligible)
    {
        var best = new PriorityQueue<int, double>(PassageFusion.Depth + 1);
        var assetIds = vectors.AssetIds;
        Guid lastAsset = default;
        var lastEligible = false;
        for (var row = 0; row < vectors.Count; row++)
        {
            if (assetIds[row] != lastAsset)
            {
                lastAsset = assetIds[row];
                lastEligible = eligible.Contains(lastAsset);
            }

            if (!lastEligible)
            {
                continue;
            }

            var cosine = vectors.Cosine(row, query);
            if (best.Count < PassageFusion.Depth)
            {
                best.Enqueue(row, cosine);
            }
            else if (best.TryPeek(out _, out var worst) && cosine > worst)
            {
                best.DequeueEnqueue(row, cosine);
            }
        }

        var result = new List<SemanticMatch>(best.Count);
        while (best.TryDequeue(out var row, out var cosine))
        {
            result.Add(new SemanticMatch(vectors.ChunkIds[row], cosine));
        }

        result.Reverse();
        return result;
    }
}
