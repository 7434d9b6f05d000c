using System.Globalization;
using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Billing;

/// <summary>What a billing event says happened; also breaks ties between events created in the same second.</summary>
public enum BillingEventKind
{
    CheckoutCompleted = 0,
    SubscriptionCreated = 1,
    SubscriptionUpdated = 2,
    PaymentFailed = 3,
    SubscriptionDeleted = 4,
}

/// <summary>
/// The place of a billing event in time. The provider stamps events in whole seconds and delivers them in any order,
/// so events of the same second are ordered by their kind (a deletion outranks an update of the same second), then by
/// id: every delivery order of the same events sorts them the same way, and so ends in the same state.
/// </summary>
public sealed record BillingEventKey : IComparable<BillingEventKey>
{
    public const int MaxEventIdLength = 255;

    public BillingEventKey(DateTimeOffset created, BillingEventKind kind, string eventId)
    {
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > MaxEventIdLength || eventId.Contains('|', StringComparison.Ordinal))
        {
            throw new DomainRuleException("A billing event id has 1 to 255 characters and no '|'.");
        }

        Created = DateTimeOffset.FromUnixTimeSeconds(created.ToUnixTimeSeconds());
        Kind = kind;
        EventId = eventId;
    }

    /// <summary>When the provider created the event, to the second.</summary>
    public DateTimeOffset Created { get; }

    public BillingEventKind Kind { get; }

    public string EventId { get; }

    public static bool operator <(BillingEventKey? left, BillingEventKey? right) => Compare(left, right) < 0;

    public static bool operator >(BillingEventKey? left, BillingEventKey? right) => Compare(left, right) > 0;

    public static bool operator <=(BillingEventKey? left, BillingEventKey? right) => Compare(left, right) <= 0;

    public static bool operator >=(BillingEventKey? left, BillingEventKey? right) => Compare(left, right) >= 0;

    public int CompareTo(BillingEventKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byTime = Created.CompareTo(other.Created);
        if (byTime != 0)
        {
            return byTime;
        }

        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(EventId, other.EventId);
    }

    /// <summary>A stored form that keeps the order under ordinal string comparison: <c>000001767225600|2|evt_...</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Created.ToUnixTimeSeconds():D15}|{(int)Kind}|{EventId}");

    public static BillingEventKey Parse(string value)
    {
        var parts = value.Split('|', 3);
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            || !Enum.IsDefined((BillingEventKind)kind))
        {
            throw new FormatException($"'{value}' is not a billing event key.");
        }

        return new BillingEventKey(DateTimeOffset.FromUnixTimeSeconds(seconds), (BillingEventKind)kind, parts[2]);
    }

    private static int Compare(BillingEventKey? left, BillingEventKey? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
