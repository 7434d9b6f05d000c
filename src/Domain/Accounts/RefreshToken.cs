namespace BrandAutomator.Domain.Accounts;

/// <summary>
/// One refresh token of a session (a family). Only its SHA-256 hash is stored. Each use rotates it: the old one is
/// retired with a pointer to its successor, so presenting a retired token is recognised as theft and ends the family.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid FamilyId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid TenantId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedReason { get; private set; }

    public Guid? ReplacedById { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>Starts a new session (family) for a user in a tenant.</summary>
    public static RefreshToken StartSession(
        Guid userId, Guid tenantId, string tokenHash, DateTimeOffset now, TimeSpan lifetime, string? ipAddress, string? userAgent)
    {
        var id = Guid.CreateVersion7(now);
        return new RefreshToken
        {
            Id = id,
            FamilyId = id,
            UserId = userId,
            TenantId = tenantId,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            IpAddress = Truncate(ipAddress, 64),
            UserAgent = Truncate(userAgent, 256),
        };
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>True when this token was already exchanged for a newer one: presenting it again means it leaked.</summary>
    public bool WasRotated => ReplacedById is not null;

    /// <summary>Retires this token and returns its successor in the same family.</summary>
    public RefreshToken Rotate(string newTokenHash, DateTimeOffset now, TimeSpan lifetime, string? ipAddress, string? userAgent)
    {
        var next = new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            FamilyId = FamilyId,
            UserId = UserId,
            TenantId = TenantId,
            TokenHash = newTokenHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            IpAddress = Truncate(ipAddress, 64),
            UserAgent = Truncate(userAgent, 256),
        };
        RevokedAt = now;
        RevokedReason = "rotated";
        ReplacedById = next.Id;
        return next;
    }

    public void Revoke(DateTimeOffset now, string reason)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedReason = reason;
        }
    }

    private static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];
}
