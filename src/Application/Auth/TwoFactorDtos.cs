namespace BrandAutomator.Application.Auth;

/// <summary>The caller's two-factor sign-in: on or off, recovery codes left, and whether their workspace requires it.</summary>
public sealed record TwoFactorStatusDto(bool Enabled, int RecoveryCodesLeft, bool RequiredByWorkspace);

/// <summary>A new authenticator key: the text to type into the app, its otpauth:// URI, and that URI as an SVG QR code.</summary>
public sealed record AuthenticatorSetupDto(string SharedKey, string AuthenticatorUri, string QrCodeSvg);

/// <summary>Recovery codes, shown this once: each signs in once in place of a code from the app.</summary>
public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);
