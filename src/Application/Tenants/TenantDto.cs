namespace BrandAutomator.Application.Tenants;

public sealed record TenantDto(Guid Id, string Name, string Slug, string Role, string TimeZone, DateTimeOffset CreatedAt, bool Current);
