namespace BrandAutomator.Application.Auth;

public sealed record AuthUser(Guid Id, string Email, string FullName, string Role, bool EmailVerified);

public sealed record AuthTenant(Guid Id, string Name);

/// <summary>What every sign-in style call returns: a token pair and who and where the caller now is.</summary>
public sealed record AuthResponse(string AccessToken, string RefreshToken, int ExpiresIn, AuthUser User, AuthTenant Tenant);
