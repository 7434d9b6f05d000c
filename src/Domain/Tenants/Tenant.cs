using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Tenants;

public enum TenantState
{
    Provisioning,
    Ready,
}

/// <summary>A customer account. Its data lives in its own PostgreSQL schema, named from its id.</summary>
public sealed class Tenant : Entity<Guid>
{
    public const int MaxNameLength = 120;
    public const int MaxPlanLength = 32;
    public const int MaxStripeIdLength = 255;

    private Tenant()
    {
    }

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    /// <summary><c>tenant_</c> and the 32 hex digits of the id: derived, never taken from input.</summary>
    public string SchemaName { get; private set; } = "";

    public TenantState State { get; private set; }

    public string TimeZone { get; private set; } = "UTC";

    /// <summary>Members must sign in with a second factor: those without one are sent to set it up after signing in.</summary>
    public bool RequiresTwoFactor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last tenant migration applied to this tenant's schema.</summary>
    public string? SchemaVersion { get; private set; }

    /// <summary>The configured plan code of the tenant's subscription; null before the first one.</summary>
    public string? Plan { get; private set; }

    public SubscriptionStatus SubscriptionStatus { get; private set; }

    public string? StripeCustomerId { get; private set; }

    public string? StripeSubscriptionId { get; private set; }

    /// <summary>The newest billing event applied for the current subscription.</summary>
    public BillingEventKey? LastBillingEventKey { get; private set; }

    /// <summary>The event that set <see cref="Plan"/>: an older one never overwrites it.</summary>
    public BillingEventKey? PlanEventKey { get; private set; }

    /// <summary>The event that set <see cref="SubscriptionStatus"/>: an older one never overwrites it.</summary>
    public BillingEventKey? StatusEventKey { get; private set; }

    /// <summary>The subscription's plan applies: active, trialing, or past due while the payment is retried.</summary>
    public bool HasPaidPlan => Plan is not null && SubscriptionStatus.GrantsPlan();

    public static Tenant Create(string name, DateTimeOffset now)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new DomainRuleException($"A tenant name has 1 to {MaxNameLength} characters.", "name");
        }

        var id = Guid.CreateVersion7(now);
        return new Tenant
        {
            Id = id,
            Name = trimmed,
            Slug = Slugify(trimmed),
            SchemaName = SchemaNameFor(id),
            State = TenantState.Provisioning,
            CreatedAt = now,
        };
    }

    public static string SchemaNameFor(Guid tenantId) => $"tenant_{tenantId:N}";

    /// <summary>The schema exists with every tenant table: the tenant may be used.</summary>
    public void MarkReady() => State = TenantState.Ready;

    public void RequireTwoFactor(bool required) => RequiresTwoFactor = required;

    public void RecordSchemaVersion(string migrationId) => SchemaVersion = migrationId;

    public void Rename(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new DomainRuleException($"A tenant name has 1 to {MaxNameLength} characters.", "name");
        }

        Name = trimmed;
        Slug = Slugify(trimmed);
    }

    /// <summary>
    /// Applies what a billing event says, field by field, unless it is older than what the tenant already reflects: the
    /// plan and the status each keep the key of the event that set them and take a value only from a newer event, and a
    /// canceled subscription stays canceled. So events delivered late, twice or in any order end in the same state as
    /// events delivered in order. An event about another subscription replaces the current one only when it is newer
    /// than every event applied for the current one (a customer who resubscribes after cancelling).
    /// </summary>
    /// <returns>Whether anything changed; false for an event that is stale in every respect.</returns>
    public bool ApplySubscriptionChange(SubscriptionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(change.SubscriptionId) || change.SubscriptionId.Length > MaxStripeIdLength)
        {
            throw new DomainRuleException($"A subscription id has 1 to {MaxStripeIdLength} characters.");
        }

        if (change.CustomerId is { Length: 0 or > MaxStripeIdLength })
        {
            throw new DomainRuleException($"A customer id has 1 to {MaxStripeIdLength} characters.");
        }

        if (change.Plan is { } plan && !IsPlanCode(plan))
        {
            throw new DomainRuleException($"A plan code has 1 to {MaxPlanLength} characters: a-z, 0-9, '-' and '_'.");
        }

        var changed = false;
        if (StripeSubscriptionId != change.SubscriptionId)
        {
            if (StripeSubscriptionId is not null && change.Key <= LastBillingEventKey)
            {
                return false;
            }

            StripeSubscriptionId = change.SubscriptionId;
            StripeCustomerId = change.CustomerId ?? StripeCustomerId;
            Plan = null;
            PlanEventKey = null;
            SubscriptionStatus = SubscriptionStatus.None;
            StatusEventKey = null;
            LastBillingEventKey = null;
            changed = true;
        }

        if (StripeCustomerId is null && change.CustomerId is not null)
        {
            StripeCustomerId = change.CustomerId;
            changed = true;
        }

        if (change.Plan is not null && change.Key > PlanEventKey)
        {
            changed |= Plan != change.Plan || PlanEventKey is null;
            Plan = change.Plan;
            PlanEventKey = change.Key;
        }

        if (StatusEventKey is null || OutranksStatus(change))
        {
            changed |= SubscriptionStatus != change.Status || StatusEventKey is null;
            SubscriptionStatus = change.Status;
            StatusEventKey = change.Key;
        }

        if (change.Key > LastBillingEventKey)
        {
            LastBillingEventKey = change.Key;
        }

        return changed;
    }

    /// <summary>Plan codes are short lower-case identifiers (<c>basic</c>, <c>pro</c>), stored as they are configured.</summary>
    public static bool IsPlanCode(string plan) =>
        plan.Length is > 0 and <= MaxPlanLength && plan.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    // Within one subscription a terminal status wins over any other whatever the time, then the newer event wins. This is
    // a total order on (terminal, key), which is what makes the result independent of the delivery order.
    private bool OutranksStatus(SubscriptionChange change)
    {
        var incomingTerminal = change.Status.IsTerminal();
        var currentTerminal = SubscriptionStatus.IsTerminal();
        return incomingTerminal != currentTerminal ? incomingTerminal : change.Key > StatusEventKey;
    }

    /// <summary>The IANA zone in which members enter and read times; <paramref name="timeZoneId"/> is known to the system.</summary>
    public void SetTimeZone(string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId.Length > 64)
        {
            throw new DomainRuleException("Give an IANA time zone such as Europe/Berlin.", "timeZone");
        }

        TimeZone = timeZoneId;
    }

    private static string Slugify(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "tenant" : slug[..Math.Min(slug.Length, 60)];
    }
}
