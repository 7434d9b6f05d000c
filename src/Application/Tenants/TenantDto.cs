namespace BrandAutomator.Application.Tenants;

/// <summary><c>RequiresTwoFactor</c>: every member signs in with a second factor (set by an admin).</summary>
public sealed record TenantDto(Guid Id, string Name, string Slug, string Role, string TimeZone, DateTimeOffset CreatedAt, bool Current, bool RequiresTwoFactor);
