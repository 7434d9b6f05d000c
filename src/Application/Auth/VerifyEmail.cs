using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Confirms an e-mail address from the e-mailed link; works signed in or not (the link may open elsewhere).</summary>
public sealed record VerifyEmail(Guid UserId, string Token) : ICommand;

public sealed class VerifyEmailValidator : AbstractValidator<VerifyEmail>
{
    public VerifyEmailValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage(VerifyEmailHandler.DeadLink);
        RuleFor(x => x.Token).NotEmpty().WithMessage(VerifyEmailHandler.DeadLink).MaximumLength(1000);
    }
}

public sealed class VerifyEmailHandler(IIdentityService identity, IAuditLog audit) : ICommandHandler<VerifyEmail>
{
    public const string DeadLink = "This confirmation link has expired or is not valid. Sign in and ask for a new one.";

    public async ValueTask<Unit> Handle(VerifyEmail command, CancellationToken cancellationToken)
    {
        var user = (await identity.FindByIdsAsync([command.UserId], cancellationToken)).SingleOrDefault();
        if (user is null || !await identity.VerifyEmailAsync(user.Id, command.Token, cancellationToken))
        {
            await audit.RecordAsync(AuditEventType.EmailVerificationRefused, null, user?.Id, "An e-mail verification link was refused.", cancellationToken);
            throw InputValidationException.For("token", DeadLink);
        }

        await audit.RecordAsync(AuditEventType.EmailVerified, null, user.Id, $"{user.Email} confirmed.", cancellationToken);
        return Unit.Value;
    }
}
