using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Identity;

/// <summary>
/// Password-reset links: Identity's data-protection tokens, which carry the user's security stamp, so a link dies
/// when it is used (the reset changes the stamp) or when the password changes any other way. Short-lived.
/// </summary>
public sealed class PasswordResetTokenProvider(
    IDataProtectionProvider protection, IOptions<PasswordResetTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(protection, options, logger)
{
    public const string ProviderName = "PasswordReset";
}

public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenProviderOptions()
    {
        Name = PasswordResetTokenProvider.ProviderName;
        TokenLifespan = Application.Auth.RequestPasswordResetHandler.LinkLifetime;
    }
}

/// <summary>E-mail confirmation links: the same data-protection tokens, valid for days rather than minutes.</summary>
public sealed class EmailVerificationTokenProvider(
    IDataProtectionProvider protection, IOptions<EmailVerificationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(protection, options, logger)
{
    public const string ProviderName = "EmailVerification";
}

public sealed class EmailVerificationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public EmailVerificationTokenProviderOptions()
    {
        Name = EmailVerificationTokenProvider.ProviderName;
        TokenLifespan = Application.Auth.EmailVerificationMailer.LinkLifetime;
    }
}
