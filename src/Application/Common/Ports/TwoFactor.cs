namespace BrandAutomator.Application.Common.Ports;

/// <summary>A new authenticator key as an app takes it: typed in, or scanned from the QR code of its otpauth:// URI.</summary>
public sealed record AuthenticatorEnrolment(string SharedKey, string AuthenticatorUri, string QrCodeSvg);

public enum SecondFactorCheck
{
    Accepted,
    Refused,
    LockedOut,
}

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and single-use recovery codes. Hides ASP.NET Core
/// Identity's authenticator keys and recovery-code store. Wrong codes count towards the account's lockout.
/// </summary>
public interface ITwoFactorAccounts
{
    public const int RecoveryCodeCount = 10;

    /// <summary>A fresh authenticator key for a user who has not turned two-factor sign-in on (the previous one is forgotten).</summary>
    Task<AuthenticatorEnrolment> StartEnrolmentAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Checks a code from the authenticator app; a code is accepted once: the same time step never again.</summary>
    Task<SecondFactorCheck> CheckAuthenticatorCodeAsync(Guid userId, string code, CancellationToken cancellationToken);

    /// <summary>Uses up a recovery code: accepted once, refused ever after.</summary>
    Task<SecondFactorCheck> RedeemRecoveryCodeAsync(Guid userId, string code, CancellationToken cancellationToken);

    /// <summary>Turns two-factor sign-in on and answers the new recovery codes, which are kept only as hashes.</summary>
    Task<IReadOnlyList<string>> EnableAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>New recovery codes; the old ones stop working.</summary>
    Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(Guid userId, CancellationToken cancellationToken);

    Task<int> RecoveryCodesLeftAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Turns two-factor sign-in off and forgets the key and the recovery codes.</summary>
    Task DisableAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>What a sign-in challenge vouches for: this user gave the right password, for this workspace, until then.</summary>
public sealed record SignInChallenge(Guid UserId, Guid? TenantId, DateTimeOffset ExpiresAt);

/// <summary>Signs and reads the short-lived challenge that stands between a correct password and a session.</summary>
public interface ISignInChallenges
{
    string Issue(SignInChallenge challenge);

    /// <summary>The challenge, or null when the text was not issued here or was altered (expiry is the caller's check).</summary>
    SignInChallenge? Read(string token);
}
