using System.ComponentModel.DataAnnotations;
using BrandAutomator.Application.Billing;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Tests.Billing;

public sealed class BillingOptionsTests
{
    private static List<string> Problems(BillingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    private static BillingOptions Selling() => new()
    {
        StripeSecretKey = "sk_test_x",
        StripeWebhookSecret = "whsec_x",
        Plans =
        {
            ["basic"] = { StripePriceId = "price_b" },
            ["pro"] = { StripePriceId = "price_p" },
            ["enterprise"] = { StripePriceId = "price_e" },
        },
    };

    [Fact]
    public void The_built_in_price_list_is_basic_pro_and_enterprise_with_their_limits()
    {
        var plans = new PlanCatalog(Options.Create(new BillingOptions()));

        Assert.Equal(["basic", "pro", "enterprise"], plans.All.Select(p => p.Code));
        Assert.Equal([29m, 79m, 199m], plans.All.Select(p => p.MonthlyPriceUsd));
        Assert.Equal([1, 5, (int?)null], plans.All.Select(p => p.Limits.Brands));
        Assert.Equal([false, true, true], plans.All.Select(p => p.Limits.Automation));
        Assert.Equal([false, false, true], plans.All.Select(p => p.Limits.Team));
        Assert.False(plans.BillingEnabled);
        Assert.Equal("enterprise", plans.SelfHosted.Code);
    }

    [Fact]
    public void Without_keys_billing_is_off_and_the_defaults_are_valid() =>
        Assert.Empty(Problems(new BillingOptions()));

    [Fact]
    public void Selling_with_a_price_for_every_plan_is_valid() =>
        Assert.Empty(Problems(Selling()));

    [Fact]
    public void A_secret_key_without_a_webhook_secret_is_refused()
    {
        var options = Selling();
        options.StripeWebhookSecret = null;

        Assert.Contains(Problems(options), p => p.Contains("Billing:StripeWebhookSecret is required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_webhook_secret_without_a_secret_key_is_refused() =>
        Assert.Contains(Problems(new BillingOptions { StripeWebhookSecret = "whsec_x" }),
            p => p.Contains("set both", StringComparison.Ordinal));

    [Fact]
    public void Selling_a_plan_without_a_stripe_price_is_refused_naming_the_plan()
    {
        var options = Selling();
        options.Plans["pro"].StripePriceId = null;

        Assert.Contains(Problems(options), p => p.Contains("Billing:Plans:pro:StripePriceId", StringComparison.Ordinal));
    }

    [Fact]
    public void One_price_for_two_plans_is_refused()
    {
        var options = Selling();
        options.Plans["pro"].StripePriceId = "price_b";

        Assert.Contains(Problems(options), p => p.Contains("'price_b'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_self_hosted_plan_that_is_not_offered_is_refused() =>
        Assert.Contains(Problems(new BillingOptions { SelfHostedPlan = "platinum" }), p => p.Contains("platinum", StringComparison.Ordinal));

    [Fact]
    public void A_plan_with_an_invalid_limit_is_refused_naming_the_plan()
    {
        var options = new BillingOptions();
        options.Plans["basic"].MaxBrands = 0;

        Assert.Contains(Problems(options), p => p.StartsWith("Billing:Plans:basic:", StringComparison.Ordinal));
    }

    [Fact]
    public void Plans_are_found_by_code_whatever_its_case_and_by_stripe_price()
    {
        var plans = new PlanCatalog(Options.Create(Selling()));

        Assert.Equal("pro", plans.Find("PRO")?.Code);
        Assert.Equal("enterprise", plans.FindByStripePrice("price_e")?.Code);
        Assert.Null(plans.FindByStripePrice("price_unknown"));
        Assert.Null(plans.Find(null));
    }
}

public sealed class CheckoutIdempotencyKeyTests
{
    private static readonly Guid Tenant = Guid.Parse("0196d3a0-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 10, TimeSpan.Zero);

    [Fact]
    public void A_retry_with_the_same_caller_key_gets_the_same_stripe_key() =>
        Assert.Equal(
            CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "pro", "abc", Now),
            CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "pro", "abc", Now.AddHours(3)));

    [Fact]
    public void Another_tenant_plan_or_caller_key_gets_another_stripe_key()
    {
        var key = CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "pro", "abc", Now);

        Assert.NotEqual(key, CreateCheckoutSessionHandler.IdempotencyKeyFor(Guid.NewGuid(), "pro", "abc", Now));
        Assert.NotEqual(key, CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "basic", "abc", Now));
        Assert.NotEqual(key, CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "pro", "abd", Now));
    }

    [Fact]
    public void Without_a_caller_key_requests_of_the_same_minute_share_a_key_and_later_ones_do_not()
    {
        var key = CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "pro", null, Now);

        Assert.Equal(key, CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "pro", null, Now.AddSeconds(20)));
        Assert.NotEqual(key, CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "pro", null, Now.AddMinutes(1)));
    }

    [Fact]
    public void The_key_fits_stripes_limit_and_does_not_repeat_the_callers_key()
    {
        var key = CreateCheckoutSessionHandler.IdempotencyKeyFor(Tenant, "pro", new string('k', 255), Now);

        Assert.True(key.Length <= 255);
        Assert.DoesNotContain("kkk", key, StringComparison.Ordinal);
    }
}
