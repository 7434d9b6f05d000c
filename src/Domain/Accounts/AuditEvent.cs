namespace BrandAutomator.Domain.Accounts;

public enum AuditEventType
{
    SignedUp,
    SignInSucceeded,
    SignInFailed,
    AccountLockedOut,
    RefreshTokenReuseDetected,
    SessionRevoked,
    SignedOut,
    TenantCreated,
    InvitationSent,
    InvitationAccepted,
    InvitationRevoked,
    RoleChanged,
    MemberRemoved,
    SubscriptionCheckoutStarted,
    SubscriptionChanged,
    PasswordResetRequested,
    PasswordResetThrottled,
    PasswordResetCompleted,
    PasswordResetRefused,
    PasswordChanged,
    PasswordChangeRefused,
    EmailVerificationSent,
    EmailVerified,
    EmailVerificationRefused,
    TwoFactorEnabled,
    TwoFactorDisabled,
    TwoFactorRecoveryCodesRenewed,
    TwoFactorCodeRefused,
    TwoFactorRecoveryCodeUsed,
    TwoFactorRequirementChanged,
    ExternalLoginLinked,
    ExternalLoginUnlinked,
    ExternalSignInRefused,

    /// <summary>An admin scheduled a post although the brand check found something that blocks it.</summary>
    BrandGuardOverridden,

    /// <summary>An admin made a workspace API key (its name, scopes and expiry; never its secret).</summary>
    ApiKeyCreated,

    /// <summary>An admin revoked a workspace API key.</summary>
    ApiKeyRevoked,

    /// <summary>An admin added a webhook endpoint (its address and events; never its secret).</summary>
    WebhookEndpointCreated,

    /// <summary>An admin changed, turned off or on, or deleted a webhook endpoint, or made it a new secret.</summary>
    WebhookEndpointChanged,

    /// <summary>A webhook endpoint turned itself off after failing for too long.</summary>
    WebhookEndpointDisabled,

    /// <summary>An admin shared a client review link (its name, how many posts, its expiry; never its secret).</summary>
    ReviewLinkCreated,

    /// <summary>An admin revoked a client review link.</summary>
    ReviewLinkRevoked,

    /// <summary>A client approved a post through a review link; the detail names the reviewer as they typed it.</summary>
    ClientApproved,

    /// <summary>A client asked for changes to a post through a review link, with their comment.</summary>
    ClientRequestedChanges,
}

/// <summary>A security event, kept in the catalog and readable by the tenant's admins.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public Guid? TenantId { get; private set; }

    public Guid? UserId { get; private set; }

    public AuditEventType Type { get; private set; }

    public string Detail { get; private set; } = "";

    public string? IpAddress { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static AuditEvent Record(
        AuditEventType type, Guid? tenantId, Guid? userId, string detail, string? ipAddress, DateTimeOffset now) =>
        new()
        {
            Type = type,
            TenantId = tenantId,
            UserId = userId,
            Detail = detail.Length > 500 ? detail[..500] : detail,
            IpAddress = ipAddress,
            OccurredAt = now,
        };
}
