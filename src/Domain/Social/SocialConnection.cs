using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Social;

public enum ConnectionStatus
{
    Active,
    Expired,
    Revoked,
    NeedsReconnect,
}

/// <summary>What a member needs to know about a connection: whether posts that depend on it will go out.</summary>
public enum ConnectionHealth
{
    Ok,
    /// <summary>Expires within 7 days and cannot be renewed without the user.</summary>
    Expiring,
    Expired,
    /// <summary>The network withdrew the grant (<c>invalid_grant</c>, or the user removed the app).</summary>
    Revoked,
    /// <summary>The network refuses the stored tokens.</summary>
    Invalid,
    /// <summary>No account of the network is connected (only in a post's warnings).</summary>
    NotConnected,
}

/// <summary>
/// The tenant's account, page or location on one network, and the tokens that publish to it. Tokens are kept only in
/// encrypted form (the encryption is the infrastructure's: this class never sees a plain token). Created today by an
/// admin pasting a token; the OAuth flow creates the same aggregate through <see cref="Connect"/>.
/// </summary>
public sealed class SocialConnection : Entity<Guid>
{
    public const int MaxAccountIdLength = 200;
    public const int MaxDisplayNameLength = 120;
    public const int MaxScopesLength = 1000;

    private SocialConnection()
    {
    }

    public Guid? CompanyId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    /// <summary>Who posts: a LinkedIn author URN, an X user id, a Facebook page id, an Instagram user id, or <c>accounts/{a}/locations/{l}</c>.</summary>
    public string ExternalAccountId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string EncryptedAccessToken { get; private set; } = "";

    public string? EncryptedRefreshToken { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public ConnectionStatus Status { get; private set; }

    public string? StatusReason { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The permissions the network said it granted with the last authorisation (its <c>scope</c>, space-separated here);
    /// null when it did not say. Decides what may be asked of it, such as LinkedIn's member post analytics.
    /// </summary>
    public string? GrantedScopes { get; private set; }

    public static SocialConnection Connect(
        Guid? companyId, SocialPlatform platform, string externalAccountId, string displayName, string encryptedAccessToken,
        string? encryptedRefreshToken, DateTimeOffset? expiresAt, Guid createdBy, DateTimeOffset now)
    {
        var account = externalAccountId.Trim();
        if (account.Length is 0 or > MaxAccountIdLength)
        {
            throw new DomainRuleException($"An account id has 1 to {MaxAccountIdLength} characters.", "externalAccountId");
        }

        var name = displayName.Trim();
        if (name.Length is 0 or > MaxDisplayNameLength)
        {
            throw new DomainRuleException($"A display name has 1 to {MaxDisplayNameLength} characters.", "displayName");
        }

        return new SocialConnection
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            Platform = platform,
            ExternalAccountId = account,
            DisplayName = name,
            EncryptedAccessToken = encryptedAccessToken,
            EncryptedRefreshToken = encryptedRefreshToken,
            ExpiresAt = expiresAt,
            Status = ConnectionStatus.Active,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>What the network granted with the tokens of the last authorisation (space- or comma-separated, as networks send it); null when it did not say.</summary>
    public void RecordGrantedScopes(string? scopes)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (var scope in (scopes ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal))
        {
            if (length + scope.Length + 1 > MaxScopesLength)
            {
                break;
            }

            kept.Add(scope);
            length += scope.Length + 1;
        }

        GrantedScopes = kept.Count == 0 ? null : string.Join(' ', kept);
    }

    public bool HasGrantedScope(string scope) =>
        GrantedScopes is { } granted && granted.Split(' ').Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether publishing may use it now; an expired token may still be refreshed.</summary>
    public bool CanPublish => Status is ConnectionStatus.Active or ConnectionStatus.Expired;

    /// <summary>
    /// The connection a post of <paramref name="companyId"/> goes out through on <paramref name="platform"/>: the
    /// company's own first, then one shared by every company, then the most recently updated; never a revoked one.
    /// Null when none is left. The caller still checks <see cref="CanPublish"/>, so the user hears why it cannot.
    /// </summary>
    public static SocialConnection? ChooseForPost(IEnumerable<SocialConnection> connections, SocialPlatform platform, Guid? companyId) =>
        connections
            .Where(c => c.Platform == platform && c.Status != ConnectionStatus.Revoked)
            .OrderByDescending(c => c.CompanyId == companyId).ThenByDescending(c => c.CompanyId == null).ThenByDescending(c => c.UpdatedAt)
            .FirstOrDefault();

    /// <summary>
    /// Whether posts may be scheduled to go out through it: not withdrawn or refused by the network, and either still
    /// valid at <paramref name="now"/> or renewable by the refresh job. An expiring one still carries posts (with a warning).
    /// </summary>
    public bool CanCarryPostsAt(DateTimeOffset now) =>
        Status is ConnectionStatus.Active or ConnectionStatus.Expired
        && (ExpiresAt is not { } expires || expires > now || CanRefresh)
        && (Status == ConnectionStatus.Active || CanRefresh);

    public bool CanRefresh => EncryptedRefreshToken is not null && Status != ConnectionStatus.Revoked;

    /// <summary>New tokens from a refresh (or a new authorisation): the connection works again.</summary>
    public void ReplaceTokens(string encryptedAccessToken, string? encryptedRefreshToken, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        EncryptedAccessToken = encryptedAccessToken;
        // Some networks rotate the refresh token on every use, others keep it: keep the old one when none comes back.
        EncryptedRefreshToken = encryptedRefreshToken ?? EncryptedRefreshToken;
        ExpiresAt = expiresAt;
        Status = ConnectionStatus.Active;
        StatusReason = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// A new authorisation of the same account (the OAuth flow run again): fresh tokens, the name the network shows now,
    /// and the company it is connected for.
    /// </summary>
    public void Reauthorize(
        Guid? companyId, string displayName, string encryptedAccessToken, string? encryptedRefreshToken, DateTimeOffset? expiresAt,
        DateTimeOffset now)
    {
        var name = displayName.Trim();
        if (name.Length is > 0 and <= MaxDisplayNameLength)
        {
            DisplayName = name;
        }

        CompanyId = companyId ?? CompanyId;
        ReplaceTokens(encryptedAccessToken, encryptedRefreshToken, expiresAt, now);
    }

    /// <summary>The network says the grant is gone (<c>invalid_grant</c>: revoked by the user, or expired): reconnect.</summary>
    public void Revoke(string reason, DateTimeOffset now)
    {
        Status = ConnectionStatus.Revoked;
        StatusReason = reason.Length > 500 ? reason[..500] : reason;
        UpdatedAt = now;
    }

    /// <summary>How the connection stands at <paramref name="now"/>, for warnings (see <see cref="ConnectionHealth"/>).</summary>
    public ConnectionHealth HealthAt(DateTimeOffset now) => Status switch
    {
        ConnectionStatus.Revoked => ConnectionHealth.Revoked,
        ConnectionStatus.NeedsReconnect => ConnectionHealth.Invalid,
        _ when ExpiresAt is { } expires && expires <= now => ConnectionHealth.Expired,
        ConnectionStatus.Expired => ConnectionHealth.Expired,
        // A token with a refresh token is renewed by the refresh job before it runs out: only the others need a person.
        _ when ExpiresAt is { } expires && expires - now <= ExpiringWithin && EncryptedRefreshToken is null => ConnectionHealth.Expiring,
        _ => ConnectionHealth.Ok,
    };

    /// <summary>How far ahead an expiry that needs a person becomes a warning.</summary>
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromDays(7);

    /// <summary>The network refused the tokens and a refresh did not help: only the user can fix it.</summary>
    public void RequireReconnect(string reason, DateTimeOffset now)
    {
        Status = ConnectionStatus.NeedsReconnect;
        StatusReason = reason.Length > 500 ? reason[..500] : reason;
        UpdatedAt = now;
    }
}
