using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Sign-in with e-mail and password, into the given tenant or the first one the user joined. An account with
/// two-factor sign-in gets a short-lived challenge instead of a session: <see cref="CompleteTwoFactorSignIn"/> follows.
/// </summary>
public sealed record SignIn(string Email, string Password, Guid? TenantId = null) : ICommand<SignInOutcome>;

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
    }
}

public sealed class SignInHandler(
    IIdentityService identity, SignInCompletion completion, ISignInChallenges challenges, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<SignIn, SignInOutcome>
{
    // The same words for an unknown e-mail and a wrong password, so that sign-in does not tell who has an account.
    public const string InvalidCredentials = "The e-mail or password is not correct.";
    public const string LockedOut = "Too many failed sign-ins: this account is locked for 15 minutes.";

    /// <summary>How long the second step may take: long enough to find a phone, short enough that a leaked challenge is worthless.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    public async ValueTask<SignInOutcome> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var user = await identity.FindByEmailAsync(command.Email, cancellationToken);
        var check = await identity.CheckPasswordAsync(user?.Id, command.Password, cancellationToken);
        switch (check)
        {
            case PasswordCheck.LockedOut:
                await audit.RecordAsync(AuditEventType.AccountLockedOut, null, user?.Id, "Sign-in refused: account locked.", cancellationToken);
                throw new AuthenticationFailedException(LockedOut);
            case PasswordCheck.Failed:
                await audit.RecordAsync(AuditEventType.SignInFailed, null, user?.Id,
                    user is null ? "Sign-in with an unknown e-mail." : "Sign-in with a wrong password.", cancellationToken);
                throw new AuthenticationFailedException(InvalidCredentials);
        }

        if (user!.TwoFactorEnabled)
        {
            // Not a session: only the password is proven. The challenge names the user and the workspace and expires.
            var challenge = challenges.Issue(new SignInChallenge(user.Id, command.TenantId, clock.GetUtcNow() + ChallengeLifetime));
            return new SignInOutcome(null, new TwoFactorChallengeResponse(challenge, (int)ChallengeLifetime.TotalSeconds));
        }

        return new SignInOutcome(await completion.OpenSessionAsync(user, command.TenantId, "Signed in.", cancellationToken), null);
    }
}
