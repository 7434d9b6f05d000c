using System.Net;
using BrandAutomator.Application.Assets;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// PostgreSQL full-text search over the tenant's passages (stored tsvector, GIN index, <c>websearch_to_tsquery</c>,
/// <c>ts_rank_cd</c>), with highlighted snippets made only for the top hits; names that contain the words come after.
/// Snippets are HTML-encoded, with <c>&lt;mark&gt;</c> around the matches.
/// </summary>
public sealed class AssetSearch(TenantDbContext db) : IAssetSearch
{
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    public async Task<IReadOnlyList<FileSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var hits = new List<FileSearchHit>();
            await using (var command = new NpgsqlCommand($"""
                WITH q AS (SELECT websearch_to_tsquery('{TenantDbContext.SearchConfiguration}', $1) AS tsq),
                ranked AS (
                    SELECT c.id, c.asset_id, c.page, c.text, ts_rank_cd(c.search_vector, q.tsq, 32) AS score
                    FROM asset_chunks c, q
                    WHERE c.search_vector @@ q.tsq
                    ORDER BY score DESC, c.id
                    LIMIT $2)
                SELECT r.asset_id, a.name, a.type, r.id, r.page,
                       ts_headline('{TenantDbContext.SearchConfiguration}', r.text, q.tsq,
                           'StartSel={Open}, StopSel={Close}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'),
                       r.score
                FROM ranked r JOIN brand_assets a ON a.id = r.asset_id, q
                ORDER BY r.score DESC, r.id
                """, connection))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = query });
                command.Parameters.Add(new NpgsqlParameter { Value = limit });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    hits.Add(new FileSearchHit(
                        reader.GetGuid(0), reader.GetString(1), reader.GetString(2).ToLowerInvariant(), reader.GetGuid(3),
                        reader.IsDBNull(4) ? null : reader.GetInt32(4), Highlight(reader.GetString(5)), reader.GetFloat(6)));
                }
            }

            if (hits.Count < limit)
            {
                await using var byName = new NpgsqlCommand("""
                    SELECT id, name, type FROM brand_assets
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
                        hits.Add(new FileSearchHit(id, name, reader.GetString(2).ToLowerInvariant(), null, null, HighlightName(name, query), 0));
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

    public async Task<IReadOnlyList<PassageHit>> FindPassagesAsync(
        IReadOnlyCollection<string> terms, Guid? companyId, int limit, CancellationToken cancellationToken)
    {
        // Terms are joined with websearch's "or"; each is letters and digits only, so none can become an operator.
        var words = terms.Where(t => t.Length > 0 && t.All(char.IsLetterOrDigit)).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand($"""
                WITH q AS (SELECT websearch_to_tsquery('{TenantDbContext.SearchConfiguration}', $1) AS tsq)
                SELECT c.asset_id, a.name, c.id, c.page, c.text, ts_rank_cd(c.search_vector, q.tsq, 32) AS score
                FROM asset_chunks c JOIN brand_assets a ON a.id = c.asset_id, q
                WHERE c.search_vector @@ q.tsq AND ($3::uuid IS NULL OR a.company_id IS NULL OR a.company_id = $3)
                ORDER BY score DESC, c.asset_id, c.ordinal
                LIMIT $2
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = string.Join(" or ", words) });
            command.Parameters.Add(new NpgsqlParameter { Value = limit });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)companyId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            var hits = new List<PassageHit>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new PassageHit(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                    reader.GetString(4), reader.GetFloat(5)));
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
