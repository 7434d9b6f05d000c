using BrandAutomator.Domain.Accounts;

namespace BrandAutomator.Application.Common.Ports;

/// <summary>Records security events at once, on their own connection, so that failures are kept even when the request fails.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEventType type, Guid? tenantId, Guid? userId, string detail, CancellationToken cancellationToken);
}
