namespace BrandAutomator.Domain.Content;

/// <summary>The workspace's publishing settings: one row in the tenant schema.</summary>
public sealed class TenantSettings
{
    public const int SingletonId = 1;

    private TenantSettings()
    {
    }

    public int Id { get; private set; } = SingletonId;

    /// <summary>Whether an admin must approve a post before it can be scheduled.</summary>
    public bool ApprovalRequired { get; private set; }

    /// <summary>Whether an admin may approve a post they wrote or submitted themselves (off: another admin must).</summary>
    public bool AdminsMayApproveOwnPosts { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static TenantSettings Defaults(DateTimeOffset now) => new() { UpdatedAt = now };

    public void RequireApproval(bool required, bool adminsMayApproveOwnPosts, DateTimeOffset now)
    {
        ApprovalRequired = required;
        AdminsMayApproveOwnPosts = adminsMayApproveOwnPosts;
        UpdatedAt = now;
    }
}
