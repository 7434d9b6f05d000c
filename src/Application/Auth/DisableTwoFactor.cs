using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Turns off two-factor sign-in, proven with a current code (from the app, or a recovery code) or the password: a
/// session left open on a shared computer is not enough. The key and the recovery codes are forgotten, and every
/// other session ends.
/// </summary>
public sealed record DisableTwoFactor(string? Code, string? Password) : ICommand;

public sealed class DisableTwoFactorValidator : AbstractValidator<DisableTwoFactor>
{
    public DisableTwoFactorValidator()
    {
        RuleFor(x => x.Code).NotEmpty().When(x => string.IsNullOrEmpty(x.Password))
            .WithMessage("Enter a code from your authenticator app, a recovery code, or your password.");
        RuleFor(x => x.Code).MaximumLength(40);
        RuleFor(x => x.Password).MaximumLength(PasswordPolicy.MaxLength);
    }
}

public sealed class DisableTwoFactorHandler(
    IIdentityService identity, ITwoFactorAccounts twoFactor, SecondFactorVerifier verifier, SessionTerminator sessions,
    ICurrentUser currentUser, IAuditLog audit) : ICommandHandler<DisableTwoFactor>
{
    public async ValueTask<Unit> Handle(DisableTwoFactor command, CancellationToken cancellationToken)
    {
        var user = (await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).Single();
        if (!user.TwoFactorEnabled)
        {
            throw new ConflictException("Two-factor sign-in is already off.");
        }

        if (!string.IsNullOrEmpty(command.Password))
        {
            var check = await identity.CheckPasswordAsync(user.Id, command.Password, cancellationToken);
            if (check != PasswordCheck.Succeeded)
            {
                await audit.RecordAsync(AuditEventType.TwoFactorCodeRefused, currentUser.TenantId, user.Id,
                    "Turning off two-factor sign-in: a wrong password was refused.", cancellationToken);
                throw InputValidationException.For("password", check == PasswordCheck.LockedOut ? SignInHandler.LockedOut : "The password is not correct.");
            }
        }
        else
        {
            // Six digits are a code from the app; anything else is tried as a recovery code.
            var fromApp = command.Code!.Replace(" ", "", StringComparison.Ordinal).All(char.IsAsciiDigit);
            await verifier.VerifyAsync(user.Id, currentUser.TenantId, fromApp ? command.Code : null, fromApp ? null : command.Code,
                "code", "code", cancellationToken);
        }

        await twoFactor.DisableAsync(user.Id, cancellationToken);
        var ended = await sessions.EndAllSessionsAsync(user.Id, currentUser.SessionId, "two-factor sign-in turned off", cancellationToken);
        await audit.RecordAsync(AuditEventType.TwoFactorDisabled, currentUser.TenantId, user.Id,
            $"Two-factor sign-in turned off; the key and recovery codes were forgotten; {ended} other session(s) ended.", cancellationToken);
        return Unit.Value;
    }
}
