using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Companies;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>
/// Registers an account by its tokens (pasted by an admin; the OAuth flow will create connections the same way). The
/// tokens are encrypted before they are stored. A connection for the same network and account is updated in place.
/// </summary>
public sealed record CreateSocialConnection(
    SocialPlatform Platform, string ExternalAccountId, string DisplayName, string AccessToken, string? RefreshToken,
    DateTimeOffset? ExpiresAt, Guid? CompanyId) : ICommand<SocialConnectionDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class CreateSocialConnectionValidator : AbstractValidator<CreateSocialConnection>
{
    public CreateSocialConnectionValidator()
    {
        RuleFor(x => x.Platform).IsInEnum();
        RuleFor(x => x.ExternalAccountId).NotEmpty().MaximumLength(SocialConnection.MaxAccountIdLength);
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(SocialConnection.MaxDisplayNameLength);
        RuleFor(x => x.AccessToken).NotEmpty().MaximumLength(8192);
        RuleFor(x => x.RefreshToken).MaximumLength(8192);
    }
}

public sealed class CreateSocialConnectionHandler(ITenantDb db, ISocialTokenProtector protector, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateSocialConnection, SocialConnectionDto>
{
    public async ValueTask<SocialConnectionDto> Handle(CreateSocialConnection command, CancellationToken cancellationToken)
    {
        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        var account = command.ExternalAccountId.Trim();
        var now = clock.GetUtcNow();
        var access = protector.Protect(command.Platform, command.AccessToken);
        var refresh = string.IsNullOrEmpty(command.RefreshToken) ? null : protector.Protect(command.Platform, command.RefreshToken);
        var connection = await db.SocialConnections
            .SingleOrDefaultAsync(c => c.Platform == command.Platform && c.ExternalAccountId == account, cancellationToken);
        if (connection is null)
        {
            connection = SocialConnection.Connect(
                command.CompanyId, command.Platform, account, command.DisplayName, access, refresh, command.ExpiresAt, user.UserId, now);
            db.SocialConnections.Add(connection);
        }
        else
        {
            connection.Reauthorize(command.CompanyId, command.DisplayName, access, refresh, command.ExpiresAt, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return SocialConnectionDto.From(connection, now);
    }
}
