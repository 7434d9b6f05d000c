namespace BrandAutomator.Application.Auth;

/// <summary><c>TwoFactorEnabled</c>: sign-in asks this user for a code from an authenticator app.</summary>
public sealed record AuthUser(Guid Id, string Email, string FullName, string Role, bool EmailVerified, bool TwoFactorEnabled);

/// <summary><c>RequiresTwoFactor</c>: the workspace asks every member to sign in with a second factor.</summary>
public sealed record AuthTenant(Guid Id, string Name, bool RequiresTwoFactor);

/// <summary>What every sign-in style call returns: a token pair and who and where the caller now is.</summary>
public sealed record AuthResponse(string AccessToken, string RefreshToken, int ExpiresIn, AuthUser User, AuthTenant Tenant);

/// <summary>The password was right and the account has two-factor sign-in: send the challenge back with a code.</summary>
public sealed record TwoFactorChallengeResponse(string Challenge, int ExpiresIn);

/// <summary>A sign-in's outcome: a session, or the challenge of its second step.</summary>
public sealed record SignInOutcome(AuthResponse? Session, TwoFactorChallengeResponse? TwoFactor);
