using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Drive;

/// <summary>
/// The workspace's Google account for Drive imports (one per workspace): who it is and the tokens that read its files,
/// kept only encrypted. Its health is told as the social connections' is (<see cref="ConnectionHealth"/>): a refused
/// refresh token or access means a person has to connect Google Drive again.
/// </summary>
public sealed class DriveConnection : Entity<Guid>
{
    public const int MaxAccountLength = 200;

    private DriveConnection()
    {
    }

    /// <summary>The Google account's e-mail address (or its name when Google gives no address).</summary>
    public string Account { get; private set; } = "";

    public string EncryptedAccessToken { get; private set; } = "";

    public string? EncryptedRefreshToken { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public ConnectionStatus Status { get; private set; }

    public string? StatusReason { get; private set; }

    public Guid ConnectedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static DriveConnection Connect(
        string account, string encryptedAccessToken, string? encryptedRefreshToken, DateTimeOffset? expiresAt, Guid connectedBy, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Account = Clean(account),
            EncryptedAccessToken = encryptedAccessToken,
            EncryptedRefreshToken = encryptedRefreshToken,
            ExpiresAt = expiresAt,
            Status = ConnectionStatus.Active,
            ConnectedBy = connectedBy,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>The same workspace connected again (perhaps as another Google account): fresh tokens, working again.</summary>
    public void Reauthorize(string account, string encryptedAccessToken, string? encryptedRefreshToken, DateTimeOffset? expiresAt, Guid connectedBy, DateTimeOffset now)
    {
        Account = Clean(account);
        ConnectedBy = connectedBy;
        ReplaceTokens(encryptedAccessToken, encryptedRefreshToken, expiresAt, now);
    }

    /// <summary>Whether the access token must be renewed before use at <paramref name="now"/> (a minute's margin).</summary>
    public bool NeedsRefreshAt(DateTimeOffset now) => ExpiresAt is { } expires && expires - now <= TimeSpan.FromMinutes(1);

    public bool CanRefresh => EncryptedRefreshToken is not null && Status != ConnectionStatus.Revoked;

    /// <summary>Whether imports and syncs may use it: not withdrawn, not refused.</summary>
    public bool IsUsable => Status is ConnectionStatus.Active or ConnectionStatus.Expired;

    public void ReplaceTokens(string encryptedAccessToken, string? encryptedRefreshToken, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        EncryptedAccessToken = encryptedAccessToken;
        // Google keeps the refresh token on a refresh and sends none back: keep the one we have.
        EncryptedRefreshToken = encryptedRefreshToken ?? EncryptedRefreshToken;
        ExpiresAt = expiresAt;
        Status = ConnectionStatus.Active;
        StatusReason = null;
        UpdatedAt = now;
    }

    /// <summary>Google withdrew the grant (<c>invalid_grant</c>: the user removed the app, or the token lapsed).</summary>
    public void Revoke(string reason, DateTimeOffset now)
    {
        Status = ConnectionStatus.Revoked;
        StatusReason = reason.Length > 500 ? reason[..500] : reason;
        UpdatedAt = now;
    }

    /// <summary>Drive refuses the tokens and a refresh cannot help: only the user can fix it.</summary>
    public void RequireReconnect(string reason, DateTimeOffset now)
    {
        Status = ConnectionStatus.NeedsReconnect;
        StatusReason = reason.Length > 500 ? reason[..500] : reason;
        UpdatedAt = now;
    }

    /// <summary>As <see cref="SocialConnection.HealthAt"/>: what a person needs to know at <paramref name="now"/>.</summary>
    public ConnectionHealth HealthAt(DateTimeOffset now) => Status switch
    {
        ConnectionStatus.Revoked => ConnectionHealth.Revoked,
        ConnectionStatus.NeedsReconnect => ConnectionHealth.Invalid,
        _ when ExpiresAt is { } expires && expires <= now && !CanRefresh => ConnectionHealth.Expired,
        ConnectionStatus.Expired => ConnectionHealth.Expired,
        _ => ConnectionHealth.Ok,
    };

    private static string Clean(string account)
    {
        var trimmed = account.Trim();
        if (trimmed.Length == 0)
        {
            return "Google account";
        }

        return trimmed.Length > MaxAccountLength ? trimmed[..MaxAccountLength] : trimmed;
    }
}
