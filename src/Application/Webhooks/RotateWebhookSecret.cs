using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Webhooks;

/// <summary>An admin gives an endpoint a new signing secret (shown once); every request from now on is signed with it.</summary>
public sealed record RotateWebhookSecret(Guid Id) : ICommand<WebhookEndpointWithSecretDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class RotateWebhookSecretHandler(
    ICatalogDb catalog, ICurrentUser currentUser, IWebhookSecretProtector protector, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RotateWebhookSecret, WebhookEndpointWithSecretDto>
{
    public async ValueTask<WebhookEndpointWithSecretDto> Handle(RotateWebhookSecret command, CancellationToken cancellationToken)
    {
        var endpoint = await catalog.WebhookEndpoints.SingleOrDefaultAsync(
                e => e.Id == command.Id && e.TenantId == currentUser.TenantId, cancellationToken)
            ?? throw new NotFoundException("Webhook endpoint", command.Id);
        var secret = WebhookSignature.NewSecret();
        endpoint.RotateSecret(protector.Protect(secret), clock.GetUtcNow());
        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.WebhookEndpointChanged, endpoint.TenantId, currentUser.UserId,
            $"Made a new signing secret for webhook endpoint {endpoint.Url}.", cancellationToken);
        return new WebhookEndpointWithSecretDto(WebhookEndpointDto.From(endpoint), secret);
    }
}
