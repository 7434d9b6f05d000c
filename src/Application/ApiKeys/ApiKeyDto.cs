using BrandAutomator.Domain.ApiKeys;

namespace BrandAutomator.Application.ApiKeys;

/// <summary>The state of a key as lists show it.</summary>
public enum ApiKeyState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>An API key as admins see it: never its secret, only the first characters that tell keys apart.</summary>
public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string DisplayPrefix,
    IReadOnlyList<ApiScope> Scopes,
    ApiKeyState State,
    int? RequestsPerMinute,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    string? LastUsedIp)
{
    public static ApiKeyDto From(ApiKey key, DateTimeOffset now) => new(
        key.Id, key.Name, key.DisplayPrefix, key.Scopes, StateOf(key, now), key.RequestsPerMinute, key.CreatedAt, key.ExpiresAt,
        key.RevokedAt, key.LastUsedAt, key.LastUsedIp);

    private static ApiKeyState StateOf(ApiKey key, DateTimeOffset now) =>
        key.RevokedAt is not null ? ApiKeyState.Revoked : key.IsActive(now) ? ApiKeyState.Active : ApiKeyState.Expired;
}

/// <summary>A key just made, with its secret: the only answer that ever carries it.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string Secret);
