using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.ApiKeys;

/// <summary>What a workspace's API key may do; a key holds one or more.</summary>
public enum ApiScope
{
    /// <summary>Read brands, posts, the calendar, connections and tasks.</summary>
    ContentRead,

    /// <summary>Create, change and delete brands and posts.</summary>
    ContentWrite,

    /// <summary>Schedule, reschedule, cancel and publish posts.</summary>
    Publish,

    /// <summary>Upload, read and manage brand assets.</summary>
    Assets,

    /// <summary>Read the dashboard's figures.</summary>
    Analytics,

    /// <summary>Use the AI strategist, drafting and analyses (metered against the plan like a member's use).</summary>
    Ai,
}

/// <summary>
/// A workspace's credential for scripts and integrations: a service principal with scopes and no person behind it.
/// Only the SHA-256 of the secret is kept; the secret itself is shown once, when the key is made.
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 80;

    /// <summary>What every secret starts with, so that secret scanners recognise a leaked one.</summary>
    public const string SecretPrefix = "ba_live_";

    /// <summary>How much of the secret is kept in clear to tell keys apart in lists (the prefix and four more characters).</summary>
    public const int DisplayLength = 12;

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The start of the secret (<c>ba_live_abcd</c>), for lists; too short to use.</summary>
    public string DisplayPrefix { get; private set; } = "";

    /// <summary>SHA-256 of the whole secret, lower-case hex.</summary>
    public string SecretHash { get; private set; } = "";

    public List<ApiScope> Scopes { get; private set; } = [];

    /// <summary>Requests a minute this key may make; null for the instance's default.</summary>
    public int? RequestsPerMinute { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public Guid? RevokedBy { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public string? LastUsedIp { get; private set; }

    public static ApiKey Create(
        Guid tenantId, string name, IEnumerable<ApiScope> scopes, DateTimeOffset? expiresAt, int? requestsPerMinute,
        string secret, string secretHash, Guid createdBy, DateTimeOffset now)
    {
        var distinct = scopes.Distinct().Order().ToList();
        if (distinct.Count == 0)
        {
            throw new DomainRuleException("Choose at least one thing the key may do.", "scopes");
        }

        if (expiresAt is { } end && end <= now)
        {
            throw new DomainRuleException("The expiry date must be in the future.", "expiresAt");
        }

        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length <= DisplayLength)
        {
            throw new ArgumentException("Not an API key secret.", nameof(secret));
        }

        return new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = name.Trim(),
            DisplayPrefix = secret[..DisplayLength],
            SecretHash = secretHash,
            Scopes = distinct,
            RequestsPerMinute = requestsPerMinute,
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } end || now < end);

    /// <summary>Ends the key for good; revoking a revoked key changes nothing.</summary>
    public void Revoke(Guid by, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedBy = by;
    }
}
