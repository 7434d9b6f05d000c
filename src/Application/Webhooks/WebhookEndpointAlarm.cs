using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Webhooks;

/// <summary>Tells a workspace's admins, by e-mail and in the audit log, that one of its webhook endpoints turned itself off.</summary>
public sealed partial class WebhookEndpointAlarm(
    ICatalogDb catalog, IIdentityService identity, IEmailSender email, IAuditLog audit, ILogger<WebhookEndpointAlarm> logger)
{
    /// <summary>After the change is saved; a failed e-mail is logged, never fatal.</summary>
    public async Task TellAdminsAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await audit.RecordAsync(AuditEventType.WebhookEndpointDisabled, endpoint.TenantId, null,
                $"Webhook endpoint {endpoint.Url} turned itself off: {endpoint.DisabledReason}", cancellationToken);
            var adminIds = await catalog.Memberships.AsNoTracking()
                .Where(m => m.TenantId == endpoint.TenantId && m.Role == TenantRole.Admin).Select(m => m.UserId).ToListAsync(cancellationToken);
            var workspace = await catalog.Tenants.AsNoTracking().Where(t => t.Id == endpoint.TenantId).Select(t => t.Name)
                .SingleOrDefaultAsync(cancellationToken) ?? "your workspace";
            foreach (var admin in await identity.FindByIdsAsync(adminIds, cancellationToken))
            {
                await email.SendAsync(new EmailMessage(admin.Email, $"A webhook endpoint of {workspace} was turned off",
                    $"Events are no longer sent to {endpoint.Url}. {endpoint.DisabledReason}\n\n" +
                    "The receiver did not accept our requests (see the delivery log for each answer). Once it works again, turn the " +
                    "endpoint back on in Settings, Webhooks, and send the deliveries you need again from its log.\n"), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAlarmFailed(logger, ex, endpoint.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the admins that webhook endpoint {EndpointId} was turned off")]
    private static partial void LogAlarmFailed(ILogger logger, Exception exception, Guid endpointId);
}
