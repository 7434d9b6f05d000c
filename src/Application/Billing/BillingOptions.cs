using System.ComponentModel.DataAnnotations;
using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Application.Billing;

/// <summary>
/// Section <c>Billing</c>: the plans, and the Stripe account that sells them. Without a Stripe secret key billing is off:
/// the instance is self-hosted and <see cref="SelfHostedPlan"/> applies to every tenant.
/// </summary>
public sealed class BillingOptions : IValidatableObject
{
    public const string Section = "Billing";

    /// <summary>Stripe secret (or restricted) key, <c>sk_...</c>/<c>rk_...</c>. Empty: billing is off.</summary>
    public string? StripeSecretKey { get; set; }

    /// <summary>Signing secret of the webhook endpoint, <c>whsec_...</c>; required with a secret key.</summary>
    public string? StripeWebhookSecret { get; set; }

    /// <summary>Stripe's API address; tests point it at a local fake.</summary>
    [Required, Url]
    public string StripeApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Where Checkout sends the buyer after paying; empty: the billing page under <c>Email:PublicBaseUrl</c>.</summary>
    [Url]
    public string? SuccessUrl { get; set; }

    /// <summary>Where Checkout sends a buyer who gives up; empty: the billing page under <c>Email:PublicBaseUrl</c>.</summary>
    [Url]
    public string? CancelUrl { get; set; }

    /// <summary>Where the billing portal's back link goes; empty: the billing page under <c>Email:PublicBaseUrl</c>.</summary>
    [Url]
    public string? PortalReturnUrl { get; set; }

    /// <summary>The plan of every tenant while billing is off.</summary>
    [Required]
    public string SelfHostedPlan { get; set; } = "enterprise";

    /// <summary>
    /// The plans by code. The defaults below are the price list; configuration changes any field of a plan
    /// (<c>Billing:Plans:pro:StripePriceId</c>) or adds a plan.
    /// </summary>
    public Dictionary<string, PlanOptions> Plans { get; set; } = DefaultPlans();

    public bool IsEnabled => !string.IsNullOrWhiteSpace(StripeSecretKey);

    public static Dictionary<string, PlanOptions> DefaultPlans() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["basic"] = new PlanOptions
        {
            Name = "Basic", MonthlyPriceUsd = 29m, MaxBrands = 1, MonthlyAiRequests = 200,
        },
        ["pro"] = new PlanOptions
        {
            Name = "Pro", MonthlyPriceUsd = 79m, MaxBrands = 5, MonthlyAiRequests = 2_000, Automation = true, AdvancedAi = true,
        },
        ["enterprise"] = new PlanOptions
        {
            Name = "Enterprise", MonthlyPriceUsd = 199m, MaxBrands = null, MonthlyAiRequests = 20_000, Automation = true,
            AdvancedAi = true, Team = true, PrioritySupport = true,
        },
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Plans.Count == 0)
        {
            yield return new ValidationResult("Billing:Plans defines no plan.", [nameof(Plans)]);
        }

        foreach (var (code, plan) in Plans)
        {
            if (!Tenant.IsPlanCode(code.ToLowerInvariant()))
            {
                yield return new ValidationResult(
                    $"Billing:Plans:{code}: a plan code has 1 to {Tenant.MaxPlanLength} characters: letters, digits, '-' and '_'.", [nameof(Plans)]);
            }

            var results = new List<ValidationResult>();
            if (plan is null)
            {
                yield return new ValidationResult($"Billing:Plans:{code} is empty.", [nameof(Plans)]);
                continue;
            }

            Validator.TryValidateObject(plan, new ValidationContext(plan), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"Billing:Plans:{code}: {result.ErrorMessage}", [nameof(Plans)]);
            }

            if (IsEnabled && string.IsNullOrWhiteSpace(plan.StripePriceId))
            {
                yield return new ValidationResult(
                    $"Billing:Plans:{code}:StripePriceId is required when billing is on (Billing:StripeSecretKey is set).", [nameof(Plans)]);
            }
        }

        var duplicatePrices = Plans.Values.Where(p => !string.IsNullOrWhiteSpace(p?.StripePriceId))
            .GroupBy(p => p.StripePriceId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var price in duplicatePrices)
        {
            yield return new ValidationResult($"Billing:Plans: the Stripe price '{price}' is given to more than one plan.", [nameof(Plans)]);
        }

        if (!Plans.ContainsKey(SelfHostedPlan))
        {
            yield return new ValidationResult(
                $"Billing:SelfHostedPlan '{SelfHostedPlan}' is not one of Billing:Plans ({string.Join(", ", Plans.Keys)}).", [nameof(SelfHostedPlan)]);
        }

        if (IsEnabled && string.IsNullOrWhiteSpace(StripeWebhookSecret))
        {
            yield return new ValidationResult(
                "Billing:StripeWebhookSecret is required when Billing:StripeSecretKey is set: unsigned webhooks are never trusted.",
                [nameof(StripeWebhookSecret)]);
        }

        if (!IsEnabled && !string.IsNullOrWhiteSpace(StripeWebhookSecret))
        {
            yield return new ValidationResult(
                "Billing:StripeWebhookSecret is set without Billing:StripeSecretKey: set both to turn billing on, or neither.",
                [nameof(StripeSecretKey)]);
        }
    }
}

/// <summary>One plan of <see cref="BillingOptions.Plans"/>.</summary>
public sealed class PlanOptions
{
    [Required, MaxLength(60)]
    public string Name { get; set; } = "";

    [Range(typeof(decimal), "0", "100000")]
    public decimal MonthlyPriceUsd { get; set; }

    /// <summary>Stripe's recurring price (<c>price_...</c>) that Checkout sells for this plan.</summary>
    [MaxLength(255)]
    public string? StripePriceId { get; set; }

    /// <summary>How many brands (companies) a tenant may have; empty: unlimited.</summary>
    [Range(1, 100_000)]
    public int? MaxBrands { get; set; }

    /// <summary>AI requests a tenant may make per calendar month (UTC).</summary>
    [Range(0, 100_000_000)]
    public int MonthlyAiRequests { get; set; }

    /// <summary>Scheduled publishing and automation tasks.</summary>
    public bool Automation { get; set; }

    /// <summary>Market analysis, strategy generation and the larger models.</summary>
    public bool AdvancedAi { get; set; }

    /// <summary>Inviting members beyond the first admin.</summary>
    public bool Team { get; set; }

    public bool PrioritySupport { get; set; }
}
