using BrandAutomator.Application.Companies;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record AuthorizationStartDto(Uri AuthorizationUrl);

/// <summary>
/// Step one of connecting an account (OAuth 2.0 authorisation code with PKCE, S256): a single-use row holds the PKCE
/// verifier, the caller and the redirect URI for ten minutes; the signed state names it. The SPA sends the browser to
/// the returned address (a redirect could not carry the bearer token).
/// </summary>
public sealed record StartSocialConnection(SocialPlatform Platform, Guid? CompanyId, string RedirectUri)
    : ICommand<AuthorizationStartDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class StartSocialConnectionValidator : AbstractValidator<StartSocialConnection>
{
    public StartSocialConnectionValidator()
    {
        RuleFor(x => x.Platform).IsInEnum();
        RuleFor(x => x.RedirectUri).NotEmpty().Must(u => Uri.TryCreate(u, UriKind.Absolute, out _));
    }
}

public sealed class StartSocialConnectionHandler(
    ITenantDb db, ITenantContext tenant, ICurrentUser user, ISocialAuthorizationServer server, IOAuthStateProtector states, TimeProvider clock)
    : ICommandHandler<StartSocialConnection, AuthorizationStartDto>
{
    public async ValueTask<AuthorizationStartDto> Handle(StartSocialConnection command, CancellationToken cancellationToken)
    {
        if (!server.IsConfigured(command.Platform))
        {
            throw new ConflictException(NetworkAvailability.UnavailableNote(command.Platform));
        }

        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        var now = clock.GetUtcNow();
        // Abandoned authorisations go as new ones start: the table only ever holds the last few minutes' worth.
        await db.OAuthAuthorizations.Where(a => a.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        var verifier = Pkce.NewVerifier();
        var authorization = OAuthAuthorization.Start(command.Platform, command.CompanyId, user.UserId, verifier, command.RedirectUri, now);
        db.OAuthAuthorizations.Add(authorization);
        await db.SaveChangesAsync(cancellationToken);
        var state = states.Protect(tenant.TenantId, authorization.Id, authorization.ExpiresAt);
        return new AuthorizationStartDto(server.AuthorizationUrl(command.Platform, state, Pkce.Challenge(verifier), command.RedirectUri));
    }
}
