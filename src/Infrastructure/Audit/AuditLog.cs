using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using Npgsql;

namespace BrandAutomator.Infrastructure.Audit;

/// <summary>Writes audit events straight away on a connection of their own, outside any request transaction.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, IRequestInfo request, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(AuditEventType type, Guid? tenantId, Guid? userId, string detail, CancellationToken cancellationToken)
    {
        var row = AuditEvent.Record(type, tenantId, userId, detail, request.IpAddress, clock.GetUtcNow());
        await using var command = dataSource.CreateCommand(
            "INSERT INTO public.audit_events (tenant_id, user_id, type, detail, ip_address, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.TenantId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.UserId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = row.Type.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = row.Detail });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.IpAddress ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = row.OccurredAt });
        // Cancellation of the request must not lose the record of what it did.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
