using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// The first step of turning on two-factor sign-in: a new authenticator key for the app to scan. Nothing changes
/// for sign-in until <see cref="EnableTwoFactor"/> confirms a code made with it.
/// </summary>
public sealed record StartAuthenticatorEnrolment : ICommand<AuthenticatorSetupDto>;

public sealed class StartAuthenticatorEnrolmentHandler(IIdentityService identity, ITwoFactorAccounts twoFactor, ICurrentUser currentUser)
    : ICommandHandler<StartAuthenticatorEnrolment, AuthenticatorSetupDto>
{
    public async ValueTask<AuthenticatorSetupDto> Handle(StartAuthenticatorEnrolment command, CancellationToken cancellationToken)
    {
        var user = (await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).Single();
        if (user.TwoFactorEnabled)
        {
            // A new key now would silently replace the one the user's phone holds.
            throw new ConflictException("Two-factor sign-in is already on. Turn it off first to use another authenticator app.");
        }

        var setup = await twoFactor.StartEnrolmentAsync(user.Id, cancellationToken);
        return new AuthenticatorSetupDto(setup.SharedKey, setup.AuthenticatorUri, setup.QrCodeSvg);
    }
}
