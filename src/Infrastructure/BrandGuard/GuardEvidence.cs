using BrandAutomator.Application.BrandGuard;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BrandAutomator.Infrastructure.BrandGuard;

/// <summary>
/// The brand guard's reads of the tenant's passages: for claims, every statement with a figure in the ready documents,
/// read once per version of the documents and kept in <see cref="GuardStatementCache"/> (a check as the user types
/// then costs one small query); for the rules, every passage of current documents.
/// </summary>
public sealed class GuardEvidence(TenantDbContext db, ITenantContext tenant, GuardStatementCache cache) : IGuardEvidence
{
    public async Task<StatementIndex> StatementsAsync(Guid? companyId, CancellationToken cancellationToken)
    {
        var version = await EvidenceVersionAsync(cancellationToken);
        if (cache.Get(tenant.TenantId, companyId, version) is { } known)
        {
            return known;
        }

        var connection = await OpenAsync(cancellationToken);
        var passages = new List<EvidencePassage>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.id, c.asset_id, a.name, c.page, c.heading, c.text, a.status, a.company_id
            FROM asset_chunks c JOIN brand_assets a ON a.id = c.asset_id
            WHERE a.state = 'Ready' AND (a.company_id IS NULL OR a.company_id = $1)
            ORDER BY a.created_at, a.id, c.ordinal
            """, connection))
        {
            // Another brand's price list neither supports nor contradicts this brand's post.
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)companyId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                passages.Add(new EvidencePassage(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(0), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6) == "Current",
                    reader.IsDBNull(7) ? null : reader.GetGuid(7)));
            }
        }

        var index = new StatementIndex(passages);
        // A document that changed while the passages were read leaves them unkept: the next check reads them again.
        if (await EvidenceVersionAsync(cancellationToken) == version)
        {
            cache.Keep(tenant.TenantId, companyId, version, index);
        }

        return index;
    }

    public async Task<IReadOnlyList<RulePassage>> CurrentPassagesAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.asset_id, a.name, c.page, c.heading, c.text, a.company_id
            FROM asset_chunks c JOIN brand_assets a ON a.id = c.asset_id
            WHERE a.state = 'Ready' AND a.status = 'Current'
            ORDER BY a.created_at, a.id, c.ordinal
            """, connection);
        var found = new List<RulePassage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new RulePassage(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(0), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetGuid(6)));
        }

        return found;
    }

    public async Task<string> SourceFingerprintAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        // Rules are read from what the passages say and from the company names: a document's processing, archiving,
        // restoring, deleting or moving to another brand, or a renamed company, changes this; a document's tags or
        // another file's upload do not.
        await using var command = new NpgsqlCommand("""
            SELECT md5(
                coalesce((SELECT string_agg(a.id::text || '@' || coalesce(a.processed_at::text, '') || '@' || coalesce(a.company_id::text, ''), ',' ORDER BY a.id)
                          FROM brand_assets a WHERE a.state = 'Ready' AND a.status = 'Current' AND a.chunk_count > 0), '')
                || '|' || coalesce((SELECT string_agg(name, ',' ORDER BY id) FROM companies), ''))
            """, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Identifies the ready documents with passages, current or archived, as their statements are read: a document's
    /// processing, archiving, restoring, renaming, deleting or moving to another brand changes it.
    /// </summary>
    private async Task<string> EvidenceVersionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT md5(coalesce(string_agg(a.id::text || '@' || coalesce(a.processed_at::text, '') || '@' || a.status || '@' || a.name
                || '@' || coalesce(a.company_id::text, ''), '/' ORDER BY a.id), ''))
            FROM brand_assets a WHERE a.state = 'Ready' AND a.chunk_count > 0
            """, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

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
}
