using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Domain.Tests;

public sealed class SubscriptionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static SubscriptionChange Change(
        int second, BillingEventKind kind, string id, string? plan, SubscriptionStatus status, string subscription = "sub_1") =>
        new(new BillingEventKey(T0.AddSeconds(second), kind, id), subscription, "cus_1", plan, status);

    private static Tenant NewTenant() => Tenant.Create("Acme", T0);

    private static (string? Plan, SubscriptionStatus Status, string? Subscription, string? Customer) StateOf(Tenant t) =>
        (t.Plan, t.SubscriptionStatus, t.StripeSubscriptionId, t.StripeCustomerId);

    // Checkout, then an upgrade, a failed renewal, the payment recovered, a failed renewal again, and the end; two events
    // share a second, as Stripe's checkout and subscription events often do.
    private static readonly SubscriptionChange[] History =
    [
        Change(0, BillingEventKind.CheckoutCompleted, "evt_a", "basic", SubscriptionStatus.Active),
        Change(0, BillingEventKind.SubscriptionCreated, "evt_b", "basic", SubscriptionStatus.Active),
        Change(60, BillingEventKind.SubscriptionUpdated, "evt_c", "pro", SubscriptionStatus.Active),
        Change(120, BillingEventKind.PaymentFailed, "evt_d", null, SubscriptionStatus.PastDue),
        Change(180, BillingEventKind.SubscriptionUpdated, "evt_e", "pro", SubscriptionStatus.Active),
        Change(240, BillingEventKind.PaymentFailed, "evt_f", null, SubscriptionStatus.PastDue),
        Change(300, BillingEventKind.SubscriptionDeleted, "evt_g", "pro", SubscriptionStatus.Canceled),
    ];

    [Fact]
    public void Every_delivery_order_of_a_subscription_history_ends_in_the_same_state_as_the_ordered_one()
    {
        foreach (var length in new[] { 5, 6, 7 })
        {
            var events = History[..length];
            var ordered = NewTenant();
            foreach (var change in events)
            {
                ordered.ApplySubscriptionChange(change);
            }

            var expected = StateOf(ordered);
            var orders = 0;
            foreach (var permutation in Permutations(events))
            {
                var tenant = NewTenant();
                foreach (var change in permutation)
                {
                    tenant.ApplySubscriptionChange(change);
                }

                Assert.Equal(expected, StateOf(tenant));
                orders++;
            }

            Assert.True(orders > 100);
        }
    }

    [Fact]
    public void The_ordered_history_passes_through_the_expected_states()
    {
        var tenant = NewTenant();
        var seen = History.Select(change =>
        {
            tenant.ApplySubscriptionChange(change);
            return (tenant.Plan, tenant.SubscriptionStatus, tenant.HasPaidPlan);
        }).ToList();

        Assert.Equal(
        [
            ("basic", SubscriptionStatus.Active, true), ("basic", SubscriptionStatus.Active, true), ("pro", SubscriptionStatus.Active, true),
            ("pro", SubscriptionStatus.PastDue, true), ("pro", SubscriptionStatus.Active, true), ("pro", SubscriptionStatus.PastDue, true),
            ("pro", SubscriptionStatus.Canceled, false),
        ], seen);
    }

    [Fact]
    public void An_older_event_never_overwrites_a_newer_plan_or_status()
    {
        var tenant = NewTenant();
        tenant.ApplySubscriptionChange(Change(60, BillingEventKind.SubscriptionUpdated, "evt_new", "pro", SubscriptionStatus.Active));

        var applied = tenant.ApplySubscriptionChange(Change(0, BillingEventKind.CheckoutCompleted, "evt_old", "basic", SubscriptionStatus.Incomplete));

        Assert.False(applied);
        Assert.Equal("pro", tenant.Plan);
        Assert.Equal(SubscriptionStatus.Active, tenant.SubscriptionStatus);
    }

    [Fact]
    public void A_failed_payment_delivered_first_keeps_the_plan_of_the_older_checkout()
    {
        var tenant = NewTenant();
        tenant.ApplySubscriptionChange(Change(120, BillingEventKind.PaymentFailed, "evt_fail", null, SubscriptionStatus.PastDue));

        tenant.ApplySubscriptionChange(Change(0, BillingEventKind.CheckoutCompleted, "evt_checkout", "basic", SubscriptionStatus.Active));

        Assert.Equal("basic", tenant.Plan);
        Assert.Equal(SubscriptionStatus.PastDue, tenant.SubscriptionStatus);
    }

    [Fact]
    public void A_canceled_subscription_is_not_brought_back_by_a_later_event_of_the_same_subscription()
    {
        var tenant = NewTenant();
        tenant.ApplySubscriptionChange(Change(0, BillingEventKind.SubscriptionDeleted, "evt_end", "pro", SubscriptionStatus.Canceled));

        tenant.ApplySubscriptionChange(Change(30, BillingEventKind.PaymentFailed, "evt_late_invoice", null, SubscriptionStatus.PastDue));

        Assert.Equal(SubscriptionStatus.Canceled, tenant.SubscriptionStatus);
        Assert.False(tenant.HasPaidPlan);
    }

    [Fact]
    public void A_deletion_outranks_an_update_of_the_same_second()
    {
        var tenant = NewTenant();
        tenant.ApplySubscriptionChange(Change(0, BillingEventKind.SubscriptionDeleted, "evt_z", "pro", SubscriptionStatus.Canceled));
        tenant.ApplySubscriptionChange(Change(0, BillingEventKind.SubscriptionUpdated, "evt_a", "pro", SubscriptionStatus.Active));

        Assert.Equal(SubscriptionStatus.Canceled, tenant.SubscriptionStatus);
    }

    [Fact]
    public void A_new_subscription_after_a_cancellation_replaces_the_old_one_and_old_events_stay_out()
    {
        var tenant = NewTenant();
        tenant.ApplySubscriptionChange(Change(0, BillingEventKind.CheckoutCompleted, "evt_1", "basic", SubscriptionStatus.Active, "sub_old"));
        tenant.ApplySubscriptionChange(Change(60, BillingEventKind.SubscriptionDeleted, "evt_2", "basic", SubscriptionStatus.Canceled, "sub_old"));

        tenant.ApplySubscriptionChange(Change(120, BillingEventKind.CheckoutCompleted, "evt_3", "pro", SubscriptionStatus.Active, "sub_new"));
        var stale = tenant.ApplySubscriptionChange(Change(30, BillingEventKind.SubscriptionUpdated, "evt_4", "basic", SubscriptionStatus.Active, "sub_old"));

        Assert.False(stale);
        Assert.Equal(("pro", SubscriptionStatus.Active, "sub_new", "cus_1"), StateOf(tenant));
    }

    [Fact]
    public void A_tenant_that_never_subscribed_has_no_paid_plan()
    {
        var tenant = NewTenant();

        Assert.Null(tenant.Plan);
        Assert.Equal(SubscriptionStatus.None, tenant.SubscriptionStatus);
        Assert.False(tenant.HasPaidPlan);
    }

    [Fact]
    public void A_plan_code_that_is_not_a_lower_case_identifier_is_refused()
    {
        Assert.Throws<DomainRuleException>(() =>
            NewTenant().ApplySubscriptionChange(Change(0, BillingEventKind.CheckoutCompleted, "evt_1", "Pro Plan", SubscriptionStatus.Active)));
    }

    [Fact]
    public void The_stored_form_of_an_event_key_sorts_like_the_key_and_reads_back()
    {
        var keys = new[]
        {
            new BillingEventKey(T0.AddSeconds(1), BillingEventKind.CheckoutCompleted, "evt_b"),
            new BillingEventKey(T0, BillingEventKind.SubscriptionDeleted, "evt_a"),
            new BillingEventKey(T0, BillingEventKind.SubscriptionUpdated, "evt_z"),
            new BillingEventKey(T0, BillingEventKind.SubscriptionUpdated, "evt_y"),
        };

        Assert.Equal(keys.Order().ToList(), keys.OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList());
        Assert.All(keys, k => Assert.Equal(k, BillingEventKey.Parse(k.ToString())));
    }

    [Fact]
    public void An_event_key_keeps_whole_seconds_because_that_is_what_the_provider_stamps()
    {
        var key = new BillingEventKey(T0.AddMilliseconds(900), BillingEventKind.SubscriptionUpdated, "evt_1");

        Assert.Equal(T0, key.Created);
    }

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
