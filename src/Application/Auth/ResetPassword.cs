using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Sets a new password from an e-mailed link: the link then dies, and every session of the user ends.</summary>
public sealed record ResetPassword(Guid UserId, string Token, string NewPassword) : ICommand;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage(ResetPasswordHandler.DeadLink);
        RuleFor(x => x.Token).NotEmpty().WithMessage(ResetPasswordHandler.DeadLink).MaximumLength(1000);
        RuleFor(x => x.NewPassword).StrongPassword();
    }
}

public sealed class ResetPasswordHandler(IIdentityService identity, SessionTerminator sessions, IAuditLog audit)
    : ICommandHandler<ResetPassword>
{
    public const string DeadLink = "This link has expired or was already used. Ask for a new one.";

    public async ValueTask<Unit> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var known = (await identity.FindByIdsAsync([command.UserId], cancellationToken)).Count == 1;
        if (!known || !await identity.ResetPasswordAsync(command.UserId, command.Token, command.NewPassword, cancellationToken))
        {
            await audit.RecordAsync(AuditEventType.PasswordResetRefused, null, known ? command.UserId : null,
                "A password reset link was refused (expired, used or altered).", cancellationToken);
            throw InputValidationException.For("token", DeadLink);
        }

        var ended = await sessions.EndAllSessionsAsync(command.UserId, keepSessionId: null, "password reset", cancellationToken);
        await audit.RecordAsync(AuditEventType.PasswordResetCompleted, null, command.UserId,
            $"Password reset from an e-mailed link; {ended} session(s) ended.", cancellationToken);
        return Unit.Value;
    }
}
