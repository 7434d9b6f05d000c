namespace BrandAutomator.Domain.Analytics;

/// <summary>
/// Whether the workspace's admins get the monthly analytics report by e-mail: one row in the tenant schema, on until an
/// admin turns it off (a workspace without one reads as on).
/// </summary>
public sealed class MonthlyReportSetting
{
    public const int SingletonId = 1;

    /// <summary>A workspace that never chose gets the report: admins who pay for analytics expect their results to come to them.</summary>
    public const bool EnabledByDefault = true;

    private MonthlyReportSetting()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public bool Enabled { get; private set; } = EnabledByDefault;

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public static MonthlyReportSetting Defaults(DateTimeOffset now) => new() { UpdatedAt = now };

    public void Switch(bool enabled, Guid by, DateTimeOffset now)
    {
        Enabled = enabled;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>
/// The monthly report of one month to one admin, claimed before it is sent: its key (month, recipient) is unique, so a
/// second run, another node or a restart finds the claim and sends nothing again.
/// </summary>
public sealed class MonthlyReportDelivery
{
    private MonthlyReportDelivery()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The month reported on, as <c>2026-11</c>.</summary>
    public string Month { get; private set; } = "";

    public Guid RecipientId { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }

    /// <summary>When the mail went to the sender; null while it is being sent.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public static MonthlyReportDelivery Claim(string month, Guid recipientId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Month = month, RecipientId = recipientId, ClaimedAt = now };

    public void Sent(DateTimeOffset now) => SentAt = now;
}
