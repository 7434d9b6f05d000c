using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// The second step of signing in to an account with two-factor sign-in: the challenge from <see cref="SignIn"/> and
/// a code from the authenticator app, or one of the recovery codes (used up by this).
/// </summary>
public sealed record CompleteTwoFactorSignIn(string Challenge, string? Code, string? RecoveryCode) : ICommand<AuthResponse>;

public sealed class CompleteTwoFactorSignInValidator : AbstractValidator<CompleteTwoFactorSignIn>
{
    public CompleteTwoFactorSignInValidator()
    {
        RuleFor(x => x.Challenge).NotEmpty().WithMessage(CompleteTwoFactorSignInHandler.DeadChallenge).MaximumLength(2000);
        RuleFor(x => x.Code).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.RecoveryCode))
            .WithMessage("Enter the 6-digit code from your authenticator app, or use a recovery code.");
        RuleFor(x => x.Code).MaximumLength(20);
        RuleFor(x => x.RecoveryCode).MaximumLength(40);
    }
}

public sealed class CompleteTwoFactorSignInHandler(
    ISignInChallenges challenges, IIdentityService identity, SecondFactorVerifier verifier, SignInCompletion completion, TimeProvider clock)
    : ICommandHandler<CompleteTwoFactorSignIn, AuthResponse>
{
    public const string DeadChallenge = "This sign-in took too long or was already finished. Sign in again with your password.";

    public async ValueTask<AuthResponse> Handle(CompleteTwoFactorSignIn command, CancellationToken cancellationToken)
    {
        var challenge = challenges.Read(command.Challenge);
        if (challenge is null || challenge.ExpiresAt <= clock.GetUtcNow())
        {
            throw InputValidationException.For("challenge", DeadChallenge);
        }

        var user = (await identity.FindByIdsAsync([challenge.UserId], cancellationToken)).SingleOrDefault();
        if (user is null || !user.TwoFactorEnabled)
        {
            throw InputValidationException.For("challenge", DeadChallenge);
        }

        await verifier.VerifyAsync(user.Id, challenge.TenantId, command.Code, command.RecoveryCode, "code", "recoveryCode", cancellationToken);
        var how = string.IsNullOrWhiteSpace(command.Code) ? "Signed in with a recovery code." : "Signed in with an authenticator code.";
        return await completion.OpenSessionAsync(user, challenge.TenantId, how, cancellationToken);
    }
}
