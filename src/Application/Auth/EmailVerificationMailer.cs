using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;

namespace BrandAutomator.Application.Auth;

/// <summary>Writes and queues the "confirm your e-mail address" message: at sign-up and when the user asks again.</summary>
public sealed class EmailVerificationMailer(IIdentityService identity, IEmailQueue email, IAppLinks links, IAuditLog audit)
{
    /// <summary>How long a verification link works; the token provider is configured with the same span.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(3);

    public async Task SendAsync(UserAccount user, Guid? tenantId, CancellationToken cancellationToken)
    {
        var token = await identity.CreateEmailVerificationTokenAsync(user.Id, cancellationToken);
        email.Enqueue(new EmailMessage(
            user.Email,
            "Confirm your e-mail address for AI Brand Automator",
            $"""
            Hello {user.FullName},

            Confirm that {user.Email} is your address: {links.VerifyEmail(user.Id, token)}

            The link works for {LinkLifetime.TotalDays:0} days. Until you confirm, you can use AI Brand Automator,
            but you cannot invite people to your workspace or change its subscription.

            If you did not sign up, ignore this message.
            """));
        await audit.RecordAsync(AuditEventType.EmailVerificationSent, tenantId, user.Id, $"Verification link sent to {user.Email}.", cancellationToken);
    }
}
