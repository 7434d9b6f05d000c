using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.ApiKeys;

/// <summary>An admin revokes a key: this node refuses it at once, every other node within the access check's few seconds.</summary>
public sealed record RevokeApiKey(Guid Id) : ICommand<ApiKeyDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class RevokeApiKeyHandler(
    ICatalogDb catalog, ICurrentUser currentUser, IApiKeyRevocation revocation, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RevokeApiKey, ApiKeyDto>
{
    public async ValueTask<ApiKeyDto> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = await catalog.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.Id && k.TenantId == currentUser.TenantId, cancellationToken)
            ?? throw new NotFoundException("API key", command.Id);
        if (key.RevokedAt is null)
        {
            key.Revoke(currentUser.UserId, now);
            await catalog.SaveChangesAsync(cancellationToken);
            revocation.KeyRevoked(key.SecretHash);
            await audit.RecordAsync(AuditEventType.ApiKeyRevoked, key.TenantId, currentUser.UserId,
                $"Revoked API key '{key.Name}' ({key.DisplayPrefix}…).", cancellationToken);
        }

        return ApiKeyDto.From(key, now);
    }
}
