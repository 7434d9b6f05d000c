using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Analytics;

/// <summary>
/// One value of one metric of one published post, for one collection window (<see cref="MetricsSchedule"/>): the time
/// series. Networks report running totals, so the value is the total at <see cref="CollectedAt"/>; a second reading in
/// the same window replaces it.
/// </summary>
public sealed class PostMetric
{
    private PostMetric()
    {
    }

    public Guid Id { get; private set; }

    public Guid ContentItemId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    public MetricKind Kind { get; private set; }

    public DateTimeOffset WindowStart { get; private set; }

    public long Value { get; private set; }

    public DateTimeOffset CollectedAt { get; private set; }

    public static PostMetric Read(Guid contentItemId, SocialPlatform platform, MetricKind kind, DateTimeOffset windowStart, long value, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            ContentItemId = contentItemId,
            Platform = platform,
            Kind = kind,
            WindowStart = windowStart,
            Value = value,
            CollectedAt = now,
        };

    public void Replace(long value, DateTimeOffset now)
    {
        Value = value;
        CollectedAt = now;
    }
}

/// <summary>
/// One value of an account metric (followers; a Google Business Profile's daily views and actions) for one day (UTC
/// date of the reading, or the day the network reports): one row per connection, metric and day.
/// </summary>
public sealed class AccountMetric
{
    private AccountMetric()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConnectionId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    public Guid? CompanyId { get; private set; }

    public MetricKind Kind { get; private set; }

    public DateOnly Day { get; private set; }

    public long Value { get; private set; }

    public DateTimeOffset CollectedAt { get; private set; }

    public static AccountMetric Read(
        Guid connectionId, SocialPlatform platform, Guid? companyId, MetricKind kind, DateOnly day, long value, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            ConnectionId = connectionId,
            Platform = platform,
            CompanyId = companyId,
            Kind = kind,
            Day = day,
            Value = value,
            CollectedAt = now,
        };

    public void Replace(long value, DateTimeOffset now)
    {
        Value = value;
        CollectedAt = now;
    }
}

/// <summary>
/// The collector's memory of one connection: until when the network asked it to wait (a rate limit), and when its
/// account is read next (once a day). Kept in the tenant's tables, so a restart or another node respects both.
/// </summary>
public sealed class MetricsAccount
{
    private MetricsAccount()
    {
    }

    public Guid ConnectionId { get; private set; }

    public DateTimeOffset? PausedUntil { get; private set; }

    public DateTimeOffset? NextAccountReadAt { get; private set; }

    public static MetricsAccount For(Guid connectionId) => new() { ConnectionId = connectionId };

    public bool IsPausedAt(DateTimeOffset now) => PausedUntil is { } until && until > now;

    public bool AccountDueAt(DateTimeOffset now) => NextAccountReadAt is not { } next || next <= now;

    public void Pause(DateTimeOffset until) => PausedUntil = until;

    /// <summary>The account was read (or the network has nothing to read): next time on the next UTC day.</summary>
    public void AccountRead(DateTimeOffset now) => NextAccountReadAt = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
}
