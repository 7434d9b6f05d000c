using System.Globalization;
using System.Net;
using BrandAutomator.Application.Assets;
using BrandAutomator.Application.Common.Ports;
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
/// <item>semantic: the question's sentence embedding (<see cref="QuestionEmbeddings"/>) against every passage's, exact
/// cosine in process over vectors cached per tenant (<see cref="PassageVectorCache"/>);</item>
/// <item>fused by reciprocal rank with the relevance floor of <see cref="PassageFusion"/>.</item>
/// </list>
/// Four round trips to the database: the connection's tenant schema, the assets (with the counts of the question's words
/// not counted yet, see <see cref="StemCountCache"/>), the lexical ranking, the passages found (with the file names that
/// match for search-files, or the names the question mentions for an answer).
/// Snippets of search-files are HTML-encoded, with <c>&lt;mark&gt;</c> around the matches.
/// </summary>
public sealed class AssetSearch(
    TenantDbContext db, ITenantContext tenant, QuestionEmbeddings embeddings, PassageVectorCache vectors, StemCountCache stemCounts, IEmbeddingGenerator<string, Embedding<float>> embedder)
    : IAssetSearch
{
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    public async Task<IReadOnlyList<FileSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var (connection, opened) = await OpenAsync(cancellationToken);
        try
        {
            var ranked = await RankAsync(connection, query, new PassageScope(null, IncludeArchived: true), limit, interactive: true, cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            if (ranked.Passages.Count > 0)
            {
                var passages = new NpgsqlBatchCommand($"""
                    SELECT c.id, c.asset_id, a.name, a.type, a.status, c.page, c.heading,
                           ts_headline('{TenantDbContext.SearchConfiguration}', c.text, websearch_to_tsquery('{TenantDbContext.SearchConfiguration}', $2),
                               'StartSel={Open}, StopSel={Close}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')
                    FROM asset_chunks c JOIN brand_assets a ON a.id = c.asset_id
                    WHERE c.id = ANY($1)
                    """);
                passages.Parameters.Add(new NpgsqlParameter { Value = ranked.Passages.Concat(ranked.Weaker).Select(p => p.ChunkId).ToArray() });
                passages.Parameters.Add(new NpgsqlParameter { Value = ranked.AnyWord });
                batch.BatchCommands.Add(passages);
            }

            if (ranked.Passages.Count < limit)
            {
                var byName = new NpgsqlBatchCommand("""
                    SELECT id, name, type, status FROM brand_assets
                    WHERE name ILIKE '%' || $1 || '%' ESCAPE '\'
                    ORDER BY created_at DESC LIMIT $2
                    """);
                byName.Parameters.Add(new NpgsqlParameter { Value = query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) });
                byName.Parameters.Add(new NpgsqlParameter { Value = limit });
                batch.BatchCommands.Add(byName);
            }

            if (batch.BatchCommands.Count == 0)
            {
                return [];
            }

            var hits = new List<FileSearchHit>();
            var named = new List<FileSearchHit>();
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            if (ranked.Passages.Count > 0)
            {
                var relevance = ranked.Passages.ToDictionary(p => p.ChunkId, p => p.Relevance);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var chunkId = reader.GetGuid(0);
                    hits.Add(new FileSearchHit(
                        reader.GetGuid(1), reader.GetString(2), reader.GetString(3).ToLowerInvariant(), chunkId, reader.IsDBNull(5) ? null : reader.GetInt32(5),
                        Highlight(reader.GetString(7)), relevance[chunkId], reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(4).ToLowerInvariant()));
                }

                hits = [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.ChunkId)];
                await reader.NextResultAsync(cancellationToken);
            }

            if (ranked.Passages.Count < limit)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var name = reader.GetString(1);
                    named.Add(new FileSearchHit(reader.GetGuid(0), name, reader.GetString(2).ToLowerInvariant(), null, null, HighlightName(name, query), 0, null,
                        reader.GetString(3).ToLowerInvariant()));
                }
            }

            return [.. hits, .. named.Where(n => hits.All(h => h.AssetId != n.AssetId)).Take(Math.Max(0, limit - hits.Count))];
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
            var ranked = await RankAsync(connection, question, scope, limit, interactive: false, cancellationToken);
            if (ranked.Passages.Count == 0 && ranked.Weaker.Count == 0)
            {
                return [];
            }

            await using var batch = new NpgsqlBatch(connection);
            var passages = new NpgsqlBatchCommand("""
                SELECT c.id, c.asset_id, a.name, c.page, c.text, c.heading
                FROM asset_chunks c JOIN brand_assets a ON a.id = c.asset_id
                WHERE c.id = ANY($1)
                """);
            passages.Parameters.Add(new NpgsqlParameter { Value = ranked.Passages.Concat(ranked.Weaker).Select(p => p.ChunkId).ToArray() });
            batch.BatchCommands.Add(passages);
            var names = scope.Answering ? Answerability.Names(question) : [];
            if (names.Count > 0)
            {
                // Whether the question names something that none of the tenant's passages mentions.
                var unknown = new NpgsqlBatchCommand($"""
                    SELECT EXISTS (
                        SELECT 1 FROM (SELECT plainto_tsquery('{TenantDbContext.SearchConfiguration}', w) AS q FROM unnest($1::text[]) AS w) n
                        WHERE numnode(n.q) > 0 AND NOT EXISTS (SELECT 1 FROM asset_chunks c WHERE c.search_vector @@ n.q))
                    """);
                unknown.Parameters.Add(new NpgsqlParameter { Value = names.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                batch.BatchCommands.Add(unknown);
            }

            var found = new Dictionary<Guid, PassageHit>();
            var namesUnknown = false;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    found[reader.GetGuid(0)] = new PassageHit(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(0), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                        reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), 0);
                }

                if (names.Count > 0 && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken))
                {
                    namesUnknown = reader.GetBoolean(0);
                }
            }

            List<PassageHit> Hits(IReadOnlyList<FusedPassage> fused) =>
                fused.Where(p => found.ContainsKey(p.ChunkId)).Select(p => found[p.ChunkId] with { Relevance = p.Relevance }).ToList();
            var hits = scope.Answering
                // An answer looks at each part of the passages: see PartEvidence.
                ? await PartEvidence.RerankAsync(question, Hits(ranked.Passages), Hits(ranked.Weaker), limit, embedder, cancellationToken)
                : Hits(ranked.Passages);

            // An answer needs passages that can answer: none when the question names what no document mentions, or asks
            // for a kind of fact none of them speaks of (see Answerability).
            return scope.Answering && (namesUnknown || Answerability.Uncovered(question, hits.Select(h => h.Heading + "\n" + h.Text)) is not null) ? [] : hits;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <param name="Passages">The passages found: above the answer's floor, or for an interactive search the browsing list.</param>
    /// <param name="Weaker">For an answer: a few passages under its floor but above the browsing floor (see <see cref="PartEvidence"/>).</param>
    private sealed record Ranking(IReadOnlyList<FusedPassage> Passages, string AnyWord, IReadOnlyList<FusedPassage> Weaker);

    private async Task<Ranking> RankAsync(
        NpgsqlConnection connection, string question, PassageScope scope, int limit, bool interactive, CancellationToken cancellationToken)
    {
        var terms = QueryTerms.Of(question).Where(t => t.All(char.IsLetterOrDigit)).ToArray();
        // Terms are joined with websearch's "or"; each is letters and digits only, so none can become an operator.
        var anyWord = string.Join(" or ", terms);
        if (string.IsNullOrWhiteSpace(question))
        {
            return new Ranking([], anyWord, []);
        }

        // The question is embedded while the database works.
        var embedding = embeddings.EmbedAsync(question.Trim(), cancellationToken);
        // Words counted for the passages as they were at the last search are only counted again when the passages changed.
        // Each word is searched with the words that mean the same (see Synonyms), as one: "start or found or establish".
        terms = [.. terms.Select(t => string.Join(" or ", Synonyms.Of(t).Where(s => s.All(char.IsLetterOrDigit)).Prepend(t)))];
        var known = stemCounts.Known(tenant.TenantId, terms);
        var (assets, counts) = await PassageRanking.AssetsAndCountsAsync(connection, [.. terms.Where(t => !known.Counts.ContainsKey(t)).Distinct()], cancellationToken);
        var passageCount = assets.Sum(a => a.ChunkCount);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{assets.Count}:{passageCount}:{(assets.Count == 0 ? 0 : assets.Max(a => a.ProcessedTicks))}");
        var recounted = stamp == known.Stamp ? known.Counts : await PassageRanking.CountsAsync(connection, known.Counts.Keys, cancellationToken);
        foreach (var (word, count) in recounted)
        {
            counts[word] = count;
        }

        stemCounts.Remember(tenant.TenantId, stamp, counts);
        var lexical = await PassageRanking.LexicalAsync(connection, terms, counts, scope, cancellationToken);
        var eligible = assets.Where(a => a.ChunkCount > 0 && (scope.IncludeArchived || !a.Archived)
                && (scope.CompanyId is null || a.CompanyId is null || a.CompanyId == scope.CompanyId))
            .Select(a => a.Id).ToHashSet();
        if (eligible.Count == 0)
        {
            // No document to answer from: the model is not even asked.
            await embedding;
            return new Ranking([], anyWord, []);
        }

        // A small tenant's vectors load in moments: every search waits for them. A large tenant's interactive search does not.
        var tenantVectors = await vectors.GetAsync(tenant.TenantId, tenant.SchemaName, stamp,
            interactive && passageCount > PassageVectorCache.QuickLoad ? PassageVectorCache.InteractiveWait : null, cancellationToken);

        var query = await embedding;
        var semantic = tenantVectors is null ? [] : PassageRanking.Nearest(tenantVectors, query.Span, eligible);
        double CosineOf(Guid id) =>
            tenantVectors is not null && tenantVectors.Rows.TryGetValue(id, out var row) ? tenantVectors.Cosine(row, query.Span) : double.NaN;
        var fused = PassageFusion.Fuse(lexical, semantic, CosineOf, limit, browsing: interactive);
        if (interactive || !scope.Answering)
        {
            return new Ranking(fused, anyWord, []);
        }

        var shown = fused.Select(f => f.ChunkId).ToHashSet();
        // The weaker passages above the browsing floor first, then the nearest by rank whatever their score.
        var weaker = PassageFusion.Fuse(lexical, semantic, CosineOf, fused.Count + PartEvidence.MaxWeaker, browsing: true)
            .Concat(PassageFusion.Nearest(lexical, semantic, CosineOf, fused.Count + PartEvidence.MaxWeaker))
            .Where(f => shown.Add(f.ChunkId)).Take(PartEvidence.MaxWeaker).ToList();
        return new Ranking(fused, anyWord, weaker);
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
