using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Drive;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Drive;

/// <summary>
/// Step one of connecting Google Drive (OAuth 2.0 authorisation code with PKCE, S256, scope <c>drive.readonly</c>, asked
/// only now, not at sign-in): a single-use row keeps the verifier, the caller and the redirect URI for ten minutes; the
/// signed state names it. The SPA sends the browser to the returned address.
/// </summary>
public sealed record StartDriveConnection(string RedirectUri) : ICommand<AuthorizationStartDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class StartDriveConnectionValidator : AbstractValidator<StartDriveConnection>
{
    public StartDriveConnectionValidator() => RuleFor(x => x.RedirectUri).NotEmpty().Must(u => Uri.TryCreate(u, UriKind.Absolute, out _));
}

public sealed class StartDriveConnectionHandler(
    ITenantDb db, ITenantContext tenant, ICurrentUser user, IDriveAuthorizationServer server, IOAuthStateProtector states, TimeProvider clock)
    : ICommandHandler<StartDriveConnection, AuthorizationStartDto>
{
    public async ValueTask<AuthorizationStartDto> Handle(StartDriveConnection command, CancellationToken cancellationToken)
    {
        if (!server.IsConfigured)
        {
            throw new ConflictException(GetDriveOverviewHandler.UnavailableNote);
        }

        var now = clock.GetUtcNow();
        await db.DriveAuthorizations.Where(a => a.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var verifier = Pkce.NewVerifier();
        var authorization = DriveAuthorization.Start(user.UserId, verifier, command.RedirectUri, now);
        db.DriveAuthorizations.Add(authorization);
        await db.SaveChangesAsync(cancellationToken);
        var state = states.Protect(tenant.TenantId, authorization.Id, authorization.ExpiresAt);
        return new AuthorizationStartDto(server.AuthorizationUrl(state, Pkce.Challenge(verifier), command.RedirectUri));
    }
}
