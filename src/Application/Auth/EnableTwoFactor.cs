using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Turns on two-factor sign-in once the app proves it holds the new key (a code made with it). Answers ten recovery
/// codes, shown this once. Every other session ends: from now on a session needs the second factor.
/// </summary>
public sealed record EnableTwoFactor(string Code) : ICommand<RecoveryCodesDto>;

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactor>
{
    public EnableTwoFactorValidator() =>
        RuleFor(x => x.Code).NotEmpty().WithMessage("Enter the 6-digit code your authenticator app shows.").MaximumLength(20);
}

public sealed class EnableTwoFactorHandler(
    IIdentityService identity, ITwoFactorAccounts twoFactor, SecondFactorVerifier verifier, SessionTerminator sessions,
    ICurrentUser currentUser, IAuditLog audit) : ICommandHandler<EnableTwoFactor, RecoveryCodesDto>
{
    public async ValueTask<RecoveryCodesDto> Handle(EnableTwoFactor command, CancellationToken cancellationToken)
    {
        var user = (await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).Single();
        if (user.TwoFactorEnabled)
        {
            throw new ConflictException("Two-factor sign-in is already on.");
        }

        await verifier.VerifyAsync(user.Id, currentUser.TenantId, command.Code, null, "code", "code", cancellationToken);
        var codes = await twoFactor.EnableAsync(user.Id, cancellationToken);
        var ended = await sessions.EndAllSessionsAsync(user.Id, currentUser.SessionId, "two-factor sign-in turned on", cancellationToken);
        await audit.RecordAsync(AuditEventType.TwoFactorEnabled, currentUser.TenantId, user.Id,
            $"Two-factor sign-in turned on with an authenticator app; {codes.Count} recovery codes issued; {ended} other session(s) ended.",
            cancellationToken);
        return new RecoveryCodesDto(codes);
    }
}
