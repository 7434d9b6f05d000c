using System.Data.Common;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// Points every connection the tenant context opens at the current tenant's schema and nothing else (no <c>public</c>:
/// a table missing from the tenant schema fails loudly instead of reading shared data). Npgsql resets the setting when
/// the connection goes back to the shared pool. One instance serves every (pooled) <see cref="TenantDbContext"/>: the
/// tenant is the context's own <see cref="TenantDbContext.Tenant"/>. Before a connection opens, it points it at the pool of
/// the tenant's group (<see cref="TenantConnectionGroups"/>), so that the tenant's statements reach backends that already
/// hold its tables; without groups, the context's own pool serves every tenant.
/// </summary>
public sealed partial class TenantSearchPathInterceptor(TenantConnectionGroups? groups = null) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        PointAtGroup(connection, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        PointAtGroup(connection, eventData);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void PointAtGroup(DbConnection connection, ConnectionEventData eventData)
    {
        if (groups is null)
        {
            return;
        }

        // A closed connection takes the pool of its new string when it opens (Npgsql pools by connection string).
        var target = groups.For(TenantOf(eventData).TenantId);
        if (!string.Equals(connection.ConnectionString, target, StringComparison.Ordinal))
        {
            connection.ConnectionString = target;
        }
    }

    private static ITenantContext TenantOf(ConnectionEventData eventData) =>
        (eventData.Context as TenantDbContext)?.Tenant is { IsSet: true } tenant
            ? tenant
            : throw new InvalidOperationException("No tenant is set for this scope: tenant data cannot be reached without one.");

    private static DbCommand CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var schema = TenantOf(eventData).SchemaName;
        if (!SchemaPattern().IsMatch(schema))
        {
            throw new InvalidOperationException($"'{schema}' is not a tenant schema name.");
        }

        var command = connection.CreateCommand();
        command.CommandText = $"SET search_path TO \"{schema}\"";
        return command;
    }

    [GeneratedRegex("^tenant_[0-9a-f]{32}$")]
    private static partial Regex SchemaPattern();
}
