using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Social;

/// <summary>A connection as members see it, with its health and what to do about it: never its tokens.</summary>
public sealed record SocialConnectionDto(
    Guid Id, Guid? CompanyId, SocialPlatform Platform, string ExternalAccountId, string DisplayName, ConnectionStatus Status,
    string? StatusReason, DateTimeOffset? ExpiresAt, bool CanRefresh, ConnectionHealth Health, ConnectionWarningDto? Warning,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SocialConnectionDto From(SocialConnection c, DateTimeOffset now) => new(
        c.Id, c.CompanyId, c.Platform, c.ExternalAccountId, c.DisplayName, c.Status, c.StatusReason, c.ExpiresAt, c.CanRefresh,
        c.HealthAt(now), ConnectionWarnings.For(c, now), c.CreatedAt, c.UpdatedAt);
}
