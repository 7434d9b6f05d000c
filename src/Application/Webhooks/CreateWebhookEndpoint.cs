using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Webhooks;

/// <summary>An admin adds an endpoint that receives the chosen events; the answer holds its signing secret, once.</summary>
public sealed record CreateWebhookEndpoint(string Url, string? Description, IReadOnlyList<string> Events)
    : ICommand<WebhookEndpointWithSecretDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class CreateWebhookEndpointValidator : AbstractValidator<CreateWebhookEndpoint>
{
    /// <summary>Endpoints one workspace may have: plenty for every integration, not a way to multiply deliveries.</summary>
    public const int MaxEndpoints = 20;

    public CreateWebhookEndpointValidator() => WebhookEndpointRules.AddRules(this, x => x.Url, x => x.Description, x => x.Events);
}

public sealed class CreateWebhookEndpointHandler(
    ICatalogDb catalog, ICurrentUser currentUser, IWebhookTargetPolicy policy, IWebhookSecretProtector protector, IAuditLog audit,
    TimeProvider clock) : ICommandHandler<CreateWebhookEndpoint, WebhookEndpointWithSecretDto>
{
    public async ValueTask<WebhookEndpointWithSecretDto> Handle(CreateWebhookEndpoint command, CancellationToken cancellationToken)
    {
        var tenantId = currentUser.TenantId;
        if (await catalog.WebhookEndpoints.CountAsync(e => e.TenantId == tenantId, cancellationToken) >= CreateWebhookEndpointValidator.MaxEndpoints)
        {
            throw InputValidationException.For("url",
                $"This workspace already has {CreateWebhookEndpointValidator.MaxEndpoints} webhook endpoints; delete one you no longer use first.");
        }

        await WebhookEndpointRules.EnsureAllowedAsync(policy, command.Url, cancellationToken);
        var secret = WebhookSignature.NewSecret();
        var endpoint = WebhookEndpoint.Create(tenantId, command.Url, command.Description, command.Events, protector.Protect(secret),
            currentUser.UserId, clock.GetUtcNow());
        catalog.WebhookEndpoints.Add(endpoint);
        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.WebhookEndpointCreated, tenantId, currentUser.UserId,
            $"Added webhook endpoint {endpoint.Url} for: {string.Join(", ", endpoint.Events.Select(WebhookEventLabels.Label))}.", cancellationToken);
        return new WebhookEndpointWithSecretDto(WebhookEndpointDto.From(endpoint), secret);
    }
}
