using BrandAutomator.Domain.BrandGuard;

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

    /// <summary>The brand guard's severities that stop a post being scheduled without an admin's confirmation, comma-separated.</summary>
    public string BrandGuardBlocking { get; private set; } = nameof(FindingSeverity.High);

    /// <summary>Which documents the brand rules were last read from (a hash of their ids and versions); null before the first reading.</summary>
    public string? BrandRulesSource { get; private set; }

    public IReadOnlyList<FindingSeverity> BlockingSeverities =>
        BrandGuardBlocking.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Enum.TryParse<FindingSeverity>(s, out var v) ? v : (FindingSeverity?)null)
            .OfType<FindingSeverity>().ToList();

    public static TenantSettings Defaults(DateTimeOffset now) => new() { UpdatedAt = now };

    public void RequireApproval(bool required, bool adminsMayApproveOwnPosts, DateTimeOffset now)
    {
        ApprovalRequired = required;
        AdminsMayApproveOwnPosts = adminsMayApproveOwnPosts;
        UpdatedAt = now;
    }

    public void BlockOn(IEnumerable<FindingSeverity> severities, DateTimeOffset now)
    {
        BrandGuardBlocking = string.Join(',', severities.Distinct().Order());
        UpdatedAt = now;
    }

    public void RulesReadFrom(string source, DateTimeOffset now)
    {
        BrandRulesSource = source;
        UpdatedAt = now;
    }
}
