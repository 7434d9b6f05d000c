using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Changes the caller's password, proven with the current one. Every other session ends; this one too unless
/// <see cref="KeepThisSession"/>. Earlier reset links die with the old password.
/// </summary>
public sealed record ChangePassword(string CurrentPassword, string NewPassword, bool KeepThisSession) : ICommand;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.").MaximumLength(PasswordPolicy.MaxLength);
        RuleFor(x => x.NewPassword).StrongPassword()
            .NotEqual(x => x.CurrentPassword).WithMessage("Choose a password different from the current one.");
    }
}

public sealed class ChangePasswordHandler(IIdentityService identity, ICurrentUser currentUser, SessionTerminator sessions, IAuditLog audit)
    : ICommandHandler<ChangePassword>
{
    public async ValueTask<Unit> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var check = await identity.ChangePasswordAsync(currentUser.UserId, command.CurrentPassword, command.NewPassword, cancellationToken);
        if (check != PasswordCheck.Succeeded)
        {
            await audit.RecordAsync(AuditEventType.PasswordChangeRefused, currentUser.TenantId, currentUser.UserId,
                check == PasswordCheck.LockedOut ? "Password change refused: account locked." : "Password change with a wrong current password.",
                cancellationToken);
            throw InputValidationException.For("currentPassword", check == PasswordCheck.LockedOut
                ? SignInHandler.LockedOut
                : "The current password is not correct.");
        }

        var keep = command.KeepThisSession ? currentUser.SessionId : (Guid?)null;
        var ended = await sessions.EndAllSessionsAsync(currentUser.UserId, keep, "password changed", cancellationToken);
        await audit.RecordAsync(AuditEventType.PasswordChanged, currentUser.TenantId, currentUser.UserId,
            $"Password changed; {ended} session(s) ended{(command.KeepThisSession ? ", this one kept" : "")}.", cancellationToken);
        return Unit.Value;
    }
}
