using System.Globalization;
using System.Net;
using BrandAutomator.Application.Assets;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// Hybrid search over the tenant's passages, one ranking for search-files and for grounding:
/// <list type="bullet">
/// <item>lexical: PostgreSQL full-text (stored tsvector with the heading path at weight A, GIN index), any of the question's
/// stemmed content words (OR), each weighted by its rarity among the tenant's passages (IDF, so a rare word outranks a
/// common one) and by <c>ts_rank_cd</c> normalised by length (so long passages do not win by size);</item>
/// <item>semantic: the question's sentence embedding against every passage's, exact cosine in process over vectors cached
/// per tenant (<see cref="PassageVectorCache"/>);</item>
/// <item>fused by reciprocal rank with the relevance floor of <see cref="PassageFusion"/>.</item>
/// </list>
/// Snippets of search-files are HTML-encoded, with <c>&lt;mark&gt;</c> around the matches.
/// </summary>
public sealed class AssetSearch(
    TenantDbContext db, ITenantContext tenant, IEmbeddingGenerator<string, Embedding<float>> embedder, PassageVectorCache vectors) : IAssetSearch
{
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    // Stems in more than this share of the tenant's passages (and more than CommonFloor of them) are not searched for.
    private const double CommonShare = 0.1;
    private const int CommonFloor = 500;

    public async Task<IReadOnlyList<FileSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var (connection, opened) = await OpenAsync(cancellationToken);
        try
        {
            var ranked = await RankAsync(connection, query, new PassageScope(null, IncludeArchived: true), limit, cancellationToken);
            var hits = new List<FileSearchHit>();
            if (ranked.Passages.Count > 0)
            {
                var relevance = ranked.Passages.ToDictionary(p => p.ChunkId, p => p.Relevance);
                await using var command = new NpgsqlCommand($"""
                    SELECT c.id, c.asset_id, a.name, a.type, a.status, c.page, c.heading,
                           ts_headline('{TenantDbContext.SearchConfiguration}', c.text, websearch_to_tsquery('{TenantDbContext.SearchConfiguration}', $2),
                               'StartSel={Open}, StopSel={Close}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')
                    FROM asset_chunks c JOIN brand_assets a ON a.id = c.asset_id
                    WHERE c.id = ANY($1)
                    """, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = ranked.Passages.Select(p => p.ChunkId).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = ranked.AnyWord });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var chunkId = reader.GetGuid(0);
                    hits.Add(new FileSearchHit(
                        reader.GetGuid(1), reader.GetString(2), reader.GetString(3).ToLowerInvariant(), chunkId, reader.IsDBNull(5) ? null : reader.GetInt32(5),
                        Highlight(reader.GetString(7)), relevance[chunkId], reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(4).ToLowerInvariant()));
                }

                hits = [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.ChunkId)];
            }

            if (hits.Count < limit)
            {
                await using var byName = new NpgsqlCommand("""
                    SELECT id, name, type, status FROM brand_assets
                    WHERE name ILIKE '%' || $1 || '%' ESCAPE '\'
                    ORDER BY created_at DESC LIMIT $2
                    """, connection);
                byName.Parameters.Add(new NpgsqlParameter { Value = query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) });
                byName.Parameters.Add(new NpgsqlParameter { Value = limit - hits.Count });
                await using var reader = await byName.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = reader.GetGuid(0);
                    if (hits.All(h => h.AssetId != id))
                    {
                        var name = reader.GetString(1);
                        hits.Add(new FileSearchHit(id, name, reader.GetString(2).ToLowerInvariant(), null, null, HighlightName(name, query), 0, null,
                            reader.GetString(3).ToLowerInvariant()));
                    }
                }
            }

            return hits;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    public async Task<IReadOnlyList<PassageHit>> FindPassagesAsync(string question, PassageScope scope, int limit, CancellationToken cancellationToken)
    {
        var (connection, opened) = await OpenAsync(cancellationToken);
        try
        {
            var ranked = await RankAsync(connection, question, scope, limit, cancellationToken);
            if (ranked.Passages.Count == 0 || (scope.Answering && await NamesAnyUnknownAsync(connection, question, cancellationToken)))
            {
                return [];
            }

            var found = new Dictionary<Guid, PassageHit>();
            await using var command = new NpgsqlCommand("""
                SELECT c.id, c.asset_id, a.name, c.page, c.text, c.heading
                FROM asset_chunks c JOIN brand_assets a ON a.id = c.asset_id
                WHERE c.id = ANY($1)
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = ranked.Passages.Select(p => p.ChunkId).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetGuid(0)] = new PassageHit(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(0), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), 0);
            }

            var hits = ranked.Passages.Where(p => found.ContainsKey(p.ChunkId)).Select(p => found[p.ChunkId] with { Relevance = p.Relevance }).ToList();
            return scope.Answering && Answerability.Uncovered(question, hits.Select(h => h.Heading + "\n" + h.Text)) is not null ? [] : hits;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Whether the question names something (<see cref="Answerability.Names"/>) that none of the tenant's passages mentions.</summary>
    private static async Task<bool> NamesAnyUnknownAsync(NpgsqlConnection connection, string question, CancellationToken cancellationToken)
    {
        var names = Answerability.Names(question);
        if (names.Count == 0)
        {
            return false;
        }

        await using var command = new NpgsqlCommand($"""
            SELECT EXISTS (
                SELECT 1 FROM (SELECT plainto_tsquery('{TenantDbContext.SearchConfiguration}', w) AS q FROM unnest($1::text[]) AS w) n
                WHERE numnode(n.q) > 0 AND NOT EXISTS (SELECT 1 FROM asset_chunks c WHERE c.search_vector @@ n.q))
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = names.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private sealed record Ranking(IReadOnlyList<FusedPassage> Passages, string AnyWord);

    private async Task<Ranking> RankAsync(NpgsqlConnection connection, string question, PassageScope scope, int limit, CancellationToken cancellationToken)
    {
        var terms = QueryTerms.Of(question).Where(t => t.All(char.IsLetterOrDigit)).ToArray();
        // Terms are joined with websearch's "or"; each is letters and digits only, so none can become an operator.
        var anyWord = string.Join(" or ", terms);
        if (string.IsNullOrWhiteSpace(question))
        {
            return new Ranking([], anyWord);
        }

        var assets = await AssetsAsync(connection, cancellationToken);
        var eligible = assets.Where(a => a.ChunkCount > 0 && (scope.IncludeArchived || !a.Archived)
                && (scope.CompanyId is null || a.CompanyId is null || a.CompanyId == scope.CompanyId))
            .Select(a => a.Id).ToHashSet();
        if (eligible.Count == 0)
        {
            // No document to answer from: the model is not even asked.
            return new Ranking([], anyWord);
        }

        // The question is embedded while the database works.
        var embedding = embedder.GenerateAsync([question], cancellationToken: cancellationToken);
        var passageCount = assets.Sum(a => a.ChunkCount);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{assets.Count}:{passageCount}:{(assets.Count == 0 ? 0 : assets.Max(a => a.ProcessedTicks))}");
        var tenantVectors = await vectors.GetAsync(connection, tenant.TenantId, stamp, cancellationToken);

        var lexical = terms.Length == 0 ? [] : await LexicalAsync(connection, terms, passageCount, eligible, cancellationToken);

        var query = (await embedding)[0].Vector;
        var semantic = Nearest(tenantVectors, query.Span, eligible);
        var fused = PassageFusion.Fuse(lexical, semantic,
            id => tenantVectors.Rows.TryGetValue(id, out var row) ? tenantVectors.Cosine(row, query.Span) : double.NaN, limit);
        return new Ranking(fused, anyWord);
    }

    private sealed record AssetRow(Guid Id, Guid? CompanyId, bool Archived, int ChunkCount, long ProcessedTicks);

    private static async Task<List<AssetRow>> AssetsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var assets = new List<AssetRow>();
        await using var command = new NpgsqlCommand("SELECT id, company_id, status, chunk_count, processed_at FROM brand_assets", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            assets.Add(new AssetRow(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetString(2) == nameof(AssetStatus.Archived), reader.GetInt32(3),
                reader.IsDBNull(4) ? 0 : reader.GetFieldValue<DateTimeOffset>(4).UtcTicks));
        }

        return assets;
    }

    private static async Task<IReadOnlyList<LexicalMatch>> LexicalAsync(
        NpgsqlConnection connection, string[] terms, int passageCount, HashSet<Guid> eligible, CancellationToken cancellationToken)
    {
        // Each distinct stem of the question gets an IDF from the number of the tenant's passages that contain it (BM25's
        // form, counted up to a cap). A passage scores the IDF of the stems it contains, times (1 + its length-normalised
        // cover density), and covers the share of the question's total IDF those stems carry.
        // A stem in a large share of a large tenant's passages weighs next to nothing, yet scoring every passage it is in
        // would cost the most: it counts in the question's total but is not searched for (small tenants keep every stem).
        var commonAbove = (long)Math.Max(CommonShare * passageCount, CommonFloor);
        var stems = new List<(string Query, long N, double Idf)>();
        await using (var frequencies = new NpgsqlCommand($"""
            SELECT s.q::text, (SELECT count(*) FROM (SELECT 1 FROM asset_chunks c WHERE c.search_vector @@ s.q LIMIT $2) f)
            FROM (SELECT DISTINCT plainto_tsquery('{TenantDbContext.SearchConfiguration}', w) AS q FROM unnest($1::text[]) AS w) s
            WHERE numnode(s.q) > 0
            """, connection))
        {
            frequencies.Parameters.Add(new NpgsqlParameter { Value = terms, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            frequencies.Parameters.Add(new NpgsqlParameter { Value = commonAbove + 1 });
            await using var reader = await frequencies.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var n = reader.GetInt64(1);
                stems.Add((reader.GetString(0), n, Math.Log(1 + (Math.Max(passageCount, n) - n + 0.5) / (n + 0.5))));
            }
        }

        var total = stems.Sum(s => s.Idf);
        var searched = stems.Where(s => s.N <= commonAbove).ToList();
        if (searched.Count == 0 || total <= 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("""
            WITH w AS (SELECT s::tsquery AS q, i AS idf FROM unnest($1::text[], $2::float8[]) AS t(s, i))
            SELECT c.id, m.idf * (1 + ts_rank_cd(c.search_vector, $3::tsquery, 1|32)) AS score, m.idf / $4 AS coverage
            FROM asset_chunks c
            CROSS JOIN LATERAL (SELECT coalesce(sum(w.idf), 0) AS idf FROM w WHERE c.search_vector @@ w.q) m
            WHERE c.search_vector @@ $3::tsquery AND c.asset_id = ANY($5)
            ORDER BY score DESC, c.id
            LIMIT $6
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = searched.Select(s => s.Query).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = searched.Select(s => s.Idf).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        // The stems come back from PostgreSQL's own tsquery output, quoted: joined with "|" they are a valid tsquery.
        command.Parameters.Add(new NpgsqlParameter { Value = string.Join(" | ", searched.Select(s => s.Query)), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = total });
        command.Parameters.Add(new NpgsqlParameter { Value = eligible.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = PassageFusion.Depth });
        var matches = new List<LexicalMatch>();
        await using var reader2 = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader2.ReadAsync(cancellationToken))
        {
            matches.Add(new LexicalMatch(reader2.GetGuid(0), reader2.GetDouble(1), reader2.GetDouble(2)));
        }

        return matches;
    }

    /// <summary>The eligible passages closest in meaning to the question, best first.</summary>
    private static List<SemanticMatch> Nearest(TenantVectors vectors, ReadOnlySpan<float> query, HashSet<Guid> eligible)
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

    private async Task<(NpgsqlConnection Connection, bool Opened)> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return (connection, opened);
    }

    private static string Highlight(string headline) =>
        WebUtility.HtmlEncode(headline).Replace(Open.ToString(), "<mark>", StringComparison.Ordinal).Replace(Close.ToString(), "</mark>", StringComparison.Ordinal);

    private static string HighlightName(string name, string query)
    {
        var at = name.IndexOf(query, StringComparison.OrdinalIgnoreCase);
        return at < 0
            ? WebUtility.HtmlEncode(name)
            : WebUtility.HtmlEncode(name[..at]) + "<mark>" + WebUtility.HtmlEncode(name.Substring(at, query.Length)) + "</mark>" + WebUtility.HtmlEncode(name[(at + query.Length)..]);
    }
}
