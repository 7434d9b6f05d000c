using System.Data.Common;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// Points every connection the tenant context opens at the current tenant's schema and nothing else (no <c>public</c>:
/// a table missing from the tenant schema fails loudly instead of reading shared data). Npgsql resets the setting when
/// the connection goes back to the shared pool. One instance serves every (pooled) <see cref="TenantDbContext"/>: the
/// tenant is the context's own <see cref="TenantDbContext.Tenant"/>.
/// </summary>
/// <remarks>
/// The schema is a parameter of one constant statement (<c>set_config</c>, which is what <c>SET</c> does), so that
/// Npgsql prepares it once per physical connection instead of parsing a new text for each tenant. When the context asks
/// for the workspace's time zone with the open (<see cref="TenantDbContext.TimeZoneIdAsync"/>), the same statement
/// reads it: one round trip instead of two. If the statement fails, the connection is closed before the failure goes on,
/// so that no later query of the scope can run on a connection without the tenant's search_path.
/// </remarks>
public sealed partial class TenantSearchPathInterceptor : DbConnectionInterceptor
{
    private const string SetPath = "SELECT set_config('search_path', $1, false)";

    private const string SetPathAndReadZone = "SELECT (SELECT time_zone FROM public.tenants WHERE id = $2), set_config('search_path', $1, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        var (context, schema) = TenantOf(eventData);
        try
        {
            using var command = CreateCommand(connection, context, schema);
            var zone = command.ExecuteScalar();
            context.TimeZoneReadOnOpen?.Set(zone as string);
        }
        catch
        {
            connection.Close();
            throw;
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var (context, schema) = TenantOf(eventData);
        try
        {
            await using var command = CreateCommand(connection, context, schema);
            var zone = await command.ExecuteScalarAsync(cancellationToken);
            context.TimeZoneReadOnOpen?.Set(zone as string);
        }
        catch
        {
            await connection.CloseAsync();
            throw;
        }
    }

    private static (TenantDbContext Context, string Schema) TenantOf(ConnectionEndEventData eventData)
    {
        if (eventData.Context is not TenantDbContext { Tenant: { IsSet: true } tenant } context)
        {
            throw new InvalidOperationException("No tenant is set for this scope: tenant data cannot be reached without one.");
        }

        var schema = tenant.SchemaName;
        if (!SchemaPattern().IsMatch(schema))
        {
            throw new InvalidOperationException($"'{schema}' is not a tenant schema name.");
        }

        return (context, schema);
    }

    private static NpgsqlCommand CreateCommand(DbConnection connection, TenantDbContext context, string schema)
    {
        var readZone = context.TimeZoneReadOnOpen is not null;
        var command = new NpgsqlCommand(readZone ? SetPathAndReadZone : SetPath, (NpgsqlConnection)connection);
        command.Parameters.Add(new NpgsqlParameter { Value = $"\"{schema}\"", NpgsqlDbType = NpgsqlDbType.Text });
        if (readZone)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = context.Tenant!.TenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        }

        return command;
    }

    [GeneratedRegex("^tenant_[0-9a-f]{32}$")]
    private static partial Regex SchemaPattern();
}
