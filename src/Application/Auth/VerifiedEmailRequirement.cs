using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Actions that reach other people or money (inviting members, subscribing) need a confirmed address: an account
/// made with someone else's e-mail must not send invitations or bills in their name.
/// </summary>
public sealed class VerifiedEmailRequirement(IIdentityService identity, ICurrentUser currentUser, IOptions<AccountOptions> options)
{
    public async Task EnsureAsync(string action, CancellationToken cancellationToken)
    {
        if (!options.Value.RequireVerifiedEmail)
        {
            return;
        }

        var user = (await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).SingleOrDefault();
        if (user is not { EmailVerified: true })
        {
            throw new ForbiddenException(
                $"Confirm your e-mail address before you {action}: open the link we sent you, or ask for a new one in your account settings.");
        }
    }
}
