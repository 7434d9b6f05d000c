using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Ten new recovery codes, proven with a code from the app; the old ones stop working.</summary>
public sealed record RenewRecoveryCodes(string Code) : ICommand<RecoveryCodesDto>;

public sealed class RenewRecoveryCodesValidator : AbstractValidator<RenewRecoveryCodes>
{
    public RenewRecoveryCodesValidator() =>
        RuleFor(x => x.Code).NotEmpty().WithMessage("Enter the 6-digit code your authenticator app shows.").MaximumLength(20);
}

public sealed class RenewRecoveryCodesHandler(
    IIdentityService identity, ITwoFactorAccounts twoFactor, SecondFactorVerifier verifier, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<RenewRecoveryCodes, RecoveryCodesDto>
{
    public async ValueTask<RecoveryCodesDto> Handle(RenewRecoveryCodes command, CancellationToken cancellationToken)
    {
        var user = (await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).Single();
        if (!user.TwoFactorEnabled)
        {
            throw new ConflictException("Turn on two-factor sign-in first: recovery codes come with it.");
        }

        await verifier.VerifyAsync(user.Id, currentUser.TenantId, command.Code, null, "code", "code", cancellationToken);
        var codes = await twoFactor.RenewRecoveryCodesAsync(user.Id, cancellationToken);
        await audit.RecordAsync(AuditEventType.TwoFactorRecoveryCodesRenewed, currentUser.TenantId, user.Id,
            $"{codes.Count} new recovery codes issued; the earlier ones stopped working.", cancellationToken);
        return new RecoveryCodesDto(codes);
    }
}
