namespace BrandAutomator.Domain.BrandGuard;

/// <summary>How much a finding matters; the workspace chooses which severities stop a post being scheduled.</summary>
public enum FindingSeverity
{
    Low,
    Medium,
    High,
}
