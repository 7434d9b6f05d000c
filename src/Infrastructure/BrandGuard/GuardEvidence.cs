using System.Text.RegularExpressions;
using BrandAutomator.Application.BrandGuard;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BrandAutomator.Infrastructure.BrandGuard;

/// <summary>
/// The brand guard's reads of the tenant's passages, in one round trip each: for claims, per claim the passages most
/// about it (full-text, GIN index), so that a price list row giving another price is found, and the passages most about
/// it that contain one of the figures, each list bounded, so that the work does not grow with the documents; for the
/// rules, every passage of current documents.
/// </summary>
public sealed partial class GuardEvidence(TenantDbContext db) : IGuardEvidence
{
    private const string Config = TenantDbContext.SearchConfiguration;

    public async Task<IReadOnlyList<EvidencePassage>> FindAsync(
        IReadOnlyCollection<string> literals, IReadOnlyCollection<string> terms, int limit, CancellationToken cancellationToken)
    {
        var queries = terms.Select(ToQuery).Where(q => q.Length > 0).Distinct().ToArray();
        var any = queries.Length == 0 ? "" : string.Join(" | ", queries.Select(q => $"({q})"));
        var patterns = literals.Where(l => l.Length > 0).Select(l => "%" + l.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%").ToArray();
        var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH picked AS (
                SELECT x.id FROM unnest($2::text[]) AS q(query) CROSS JOIN LATERAL (
                    SELECT c.id FROM asset_chunks c
                    WHERE c.search_vector @@ to_tsquery('{Config}', q.query)
                    ORDER BY ts_rank_cd(c.search_vector, to_tsquery('{Config}', q.query), 1) DESC
                    LIMIT $3) x
                UNION
                SELECT x.id FROM unnest($2::text[]) AS q(query) CROSS JOIN LATERAL (
                    SELECT c.id FROM asset_chunks c
                    WHERE c.search_vector @@ to_tsquery('{Config}', q.query) AND c.text ILIKE ANY($1)
                    ORDER BY ts_rank_cd(c.search_vector, to_tsquery('{Config}', q.query), 1) DESC
                    LIMIT $3) x
                UNION
                (SELECT c.id FROM asset_chunks c WHERE $4 = '' AND c.text ILIKE ANY($1) LIMIT $3 * 4))
            SELECT c.id, c.asset_id, a.name, c.page, c.heading, c.text, a.status
            FROM picked p JOIN asset_chunks c ON c.id = p.id JOIN brand_assets a ON a.id = c.asset_id
            WHERE a.state = 'Ready'
            LIMIT 400
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = patterns });
        command.Parameters.Add(new NpgsqlParameter { Value = queries });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = any });
        var found = new List<EvidencePassage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new EvidencePassage(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(0), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6) == "Current"));
        }

        return found;
    }

    public async Task<IReadOnlyList<RulePassage>> CurrentPassagesAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.asset_id, a.name, c.page, c.heading, c.text
            FROM asset_chunks c JOIN brand_assets a ON a.id = c.asset_id
            WHERE a.state = 'Ready' AND a.status = 'Current'
            ORDER BY a.created_at, a.id, c.ordinal
            """, connection);
        var found = new List<RulePassage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new RulePassage(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(0), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }

        return found;
    }

    public async Task<string> SourceFingerprintAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        // Rules are read from what the passages say and from the company names: a document's processing, archiving,
        // restoring or deleting, or a renamed company, changes this; a document's tags or another file's upload do not.
        await using var command = new NpgsqlCommand("""
            SELECT md5(
                coalesce((SELECT string_agg(a.id::text || '@' || coalesce(a.processed_at::text, ''), ',' ORDER BY a.id)
                          FROM brand_assets a WHERE a.state = 'Ready' AND a.status = 'Current' AND a.chunk_count > 0), '')
                || '|' || coalesce((SELECT string_agg(name, ',' ORDER BY id) FROM companies), ''))
            """, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A tsquery of any of the words (letters only, so nothing in them is tsquery syntax).</summary>
    private static string ToQuery(string words) =>
        string.Join(" | ", Letters().Matches(words).Select(m => m.Value.ToLowerInvariant()).Distinct());

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            // Kept open until the context is disposed with the request: a check makes several reads.
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection;
    }

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();
}
