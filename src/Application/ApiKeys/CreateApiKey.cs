using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.ApiKeys;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.ApiKeys;

/// <summary>An admin makes an API key for the workspace: the answer holds its secret, once.</summary>
public sealed record CreateApiKey(string Name, IReadOnlyList<ApiScope> Scopes, DateTimeOffset? ExpiresAt, int? RequestsPerMinute)
    : ICommand<CreatedApiKeyDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    /// <summary>Active keys one workspace may hold: enough for every integration, not a way to flood the key table.</summary>
    public const int MaxActiveKeys = 50;

    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Give the key a name, e.g. the tool that will use it.")
            .MaximumLength(ApiKey.MaxNameLength);
        RuleFor(x => x.Scopes).NotEmpty().WithMessage("Choose at least one thing the key may do.");
        RuleForEach(x => x.Scopes).IsInEnum();
        RuleFor(x => x.ExpiresAt).Must(at => at is null || at > clock.GetUtcNow()).WithMessage("The expiry date must be in the future.")
            .Must(at => at is null || at < clock.GetUtcNow().AddYears(3)).WithMessage("A key may last at most three years.");
        RuleFor(x => x.RequestsPerMinute).InclusiveBetween(1, 10_000);
    }
}

public sealed class CreateApiKeyHandler(ICatalogDb catalog, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateApiKey, CreatedApiKeyDto>
{
    public async ValueTask<CreatedApiKeyDto> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenantId = currentUser.TenantId;
        var active = await catalog.ApiKeys.CountAsync(
            k => k.TenantId == tenantId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), cancellationToken);
        if (active >= CreateApiKeyValidator.MaxActiveKeys)
        {
            throw Common.Errors.InputValidationException.For("name",
                $"This workspace already has {CreateApiKeyValidator.MaxActiveKeys} active keys; revoke one you no longer use first.");
        }

        var secret = ApiKeySecrets.Generate();
        var key = ApiKey.Create(tenantId, command.Name, command.Scopes, command.ExpiresAt, command.RequestsPerMinute, secret,
            ApiKeySecrets.Hash(secret), currentUser.UserId, now);
        catalog.ApiKeys.Add(key);
        await catalog.SaveChangesAsync(cancellationToken);

        var expiry = key.ExpiresAt is { } end ? $", expires {end:yyyy-MM-dd HH:mm} UTC" : ", no expiry";
        await audit.RecordAsync(AuditEventType.ApiKeyCreated, tenantId, currentUser.UserId,
            $"Created API key '{key.Name}' ({key.DisplayPrefix}…) allowed to: {string.Join(", ", key.Scopes.Select(ApiScopeLabels.Label))}{expiry}.", cancellationToken);
        return new CreatedApiKeyDto(ApiKeyDto.From(key, now), secret);
    }
}
