using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Finishes signing in with a provider. A linked login signs in (asking for the second factor when the account has
/// one). An unknown login whose address already has an account is refused: the owner links it after signing in, so
/// nobody takes an account over by controlling an address at a provider. A new, provider-verified address signs up,
/// with a workspace of its own.
/// </summary>
public sealed record CompleteExternalSignIn(string Provider, string Code, string State, string? TimeZone = null) : ICommand<SignInOutcome>;

public sealed class CompleteExternalSignInValidator : AbstractValidator<CompleteExternalSignIn>
{
    public CompleteExternalSignInValidator()
    {
        RuleFor(x => x.Provider).NotEmpty().MaximumLength(40);
        RuleFor(x => x.Code).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.State).NotEmpty().MaximumLength(4000);
    }
}

public sealed class CompleteExternalSignInHandler(
    IExternalIdentityProviders providers, IExternalLogins logins, IIdentityService identity, ICatalogDb catalog, Tenants.WorkspaceProvisioner workspaces,
    SignInCompletion completion, SessionIssuer sessions, ISignInChallenges challenges, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CompleteExternalSignIn, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(CompleteExternalSignIn command, CancellationToken cancellationToken)
    {
        var result = await providers.CompleteAsync(command.Provider, command.Code, command.State, cancellationToken);
        var external = result.Identity;
        var name = providers.Configured.First(p => p.Key == external.Provider).Name;
        if (result.Purpose != ExternalLoginPurpose.SignIn)
        {
            throw InputValidationException.For("state", "This answer was meant to connect an account, not to sign in. Try again.");
        }

        if (await logins.FindByLoginAsync(external.Provider, external.Subject, cancellationToken) is { } user)
        {
            if (user.TwoFactorEnabled)
            {
                var challenge = challenges.Issue(new SignInChallenge(user.Id, null, clock.GetUtcNow() + SignInHandler.ChallengeLifetime));
                return new SignInOutcome(null, new TwoFactorChallengeResponse(challenge, (int)SignInHandler.ChallengeLifetime.TotalSeconds));
            }

            return new SignInOutcome(await completion.OpenSessionAsync(user, null, $"Signed in with {name}.", cancellationToken), null);
        }

        if (await identity.FindByEmailAsync(external.Email, cancellationToken) is { } existing)
        {
            await audit.RecordAsync(AuditEventType.ExternalSignInRefused, null, existing.Id,
                $"Sign-in with {name} refused: the address has an account that is not connected to {name}.", cancellationToken);
            throw new ConflictException(
                $"An account already uses {external.Email}. Sign in with its password, then connect {name} in Account settings.");
        }

        if (!external.EmailVerified)
        {
            throw InputValidationException.For("code", $"{name} has not confirmed {external.Email}. Confirm it there, or sign up with a password.");
        }

        return new SignInOutcome(await SignUpAsync(external, name, command.TimeZone, cancellationToken), null);
    }

    private async Task<AuthResponse> SignUpAsync(ExternalIdentity external, string name, string? timeZone, CancellationToken cancellationToken)
    {
        // As RegisterAccount: one transaction holds the tenant, the user and its login, the schema and the first session.
        // Opened here rather than by the pipeline: the provider's answer is awaited above without holding a transaction.
        await using var transaction = await CatalogTransaction.BeginAsync(catalog, cancellationToken);
        var user = await logins.CreateUserAsync(transaction, external, cancellationToken);
        var owner = user.FullName.Length > Tenant.MaxNameLength - 12 ? user.FullName[..(Tenant.MaxNameLength - 12)] : user.FullName;
        var tenant = await workspaces.ProvisionAsync(transaction, $"{owner}'s workspace", timeZone, user.Id, cancellationToken);
        var response = sessions.Start(user, tenant, TenantRole.Admin);
        await catalog.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.SignedUp, tenant.Id, user.Id, $"Signed up with {name} and created '{tenant.Name}'.", cancellationToken);
        return response;
    }
}
