using System.Data.Common;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// Points every connection the tenant context opens at the current tenant's schema and nothing else (no <c>public</c>:
/// a table missing from the tenant schema fails loudly instead of reading shared data). Npgsql resets the setting when
/// the connection goes back to the shared pool. One instance serves every (pooled) <see cref="TenantDbContext"/>: the
/// tenant is the context's own <see cref="TenantDbContext.Tenant"/>.
/// </summary>
public sealed partial class TenantSearchPathInterceptor : DbConnectionInterceptor
{
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

    private static DbCommand CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        if ((eventData.Context as TenantDbContext)?.Tenant is not { IsSet: true } tenant)
        {
            throw new InvalidOperationException("No tenant is set for this scope: tenant data cannot be reached without one.");
        }

        var schema = tenant.SchemaName;
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
