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

    /// <summary>
    /// The tenant's assets and the lexical matches of the question's terms among the passages in scope, in one round trip.
    /// </summary>
    /// <remarks>
    /// Each distinct stem of the question gets an IDF from the number of the tenant's passages that contain it (BM25's
    /// form, counted up to a cap). A passage scores the IDF of the stems it contains, times (1 + its length-normalised
    /// cover density), and covers the share of the question's total IDF those stems carry. A stem in a large share of a
    /// large tenant's passages weighs next to nothing, yet scoring every passage it is in would cost the most: it counts
    /// in the question's total but is not searched for (small tenants keep every stem).
    /// </remarks>
    public static async Task<(List<SearchedAsset> Assets, List<LexicalMatch> Lexical)> AssetsAndLexicalAsync(
        NpgsqlConnection connection, string[] terms, PassageScope scope, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT id, company_id, status, chunk_count, processed_at FROM brand_assets"));
        if (terms.Length > 0)
        {
            var lexical = new NpgsqlBatchCommand($"""
                WITH n AS (SELECT coalesce(sum(chunk_count), 0)::bigint AS total,
                                  greatest({CommonShare.ToString(System.Globalization.CultureInfo.InvariantCulture)} * coalesce(sum(chunk_count), 0), {CommonFloor})::bigint AS common
                           FROM brand_assets),
                stems AS MATERIALIZED (
                    SELECT s.q, (SELECT count(*) FROM (SELECT 1 FROM asset_chunks c WHERE c.search_vector @@ s.q LIMIT (SELECT common + 1 FROM n)) f) AS n
                    FROM (SELECT DISTINCT plainto_tsquery('{TenantDbContext.SearchConfiguration}', w) AS q FROM unnest($1::text[]) AS w) s
                    WHERE numnode(s.q) > 0),
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
            batch.BatchCommands.Add(lexical);
        }

        var assets = new List<SearchedAsset>();
        var matches = new List<LexicalMatch>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            assets.Add(new SearchedAsset(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetString(2) == nameof(AssetStatus.Archived), reader.GetInt32(3),
                reader.IsDBNull(4) ? 0 : reader.GetFieldValue<DateTimeOffset>(4).UtcTicks));
        }

        if (await reader.NextResultAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                matches.Add(new LexicalMatch(reader.GetGuid(0), reader.GetDouble(1), reader.GetDouble(2)));
            }
        }

        return (assets, matches);
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
