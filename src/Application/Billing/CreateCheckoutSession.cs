using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Application.Auth;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Billing;

/// <summary>A page of the payment provider to send the user to.</summary>
public sealed record BillingRedirectDto(Uri Url);

/// <summary>
/// Starts buying a plan: opens a Stripe Checkout session for the caller's tenant and returns its page.
/// <see cref="IdempotencyKey"/> is the caller's <c>Idempotency-Key</c> header, when it sent one.
/// </summary>
public sealed record CreateCheckoutSession(string Plan, string? IdempotencyKey) : ICommand<BillingRedirectDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class CreateCheckoutSessionValidator : AbstractValidator<CreateCheckoutSession>
{
    public CreateCheckoutSessionValidator(PlanCatalog plans)
    {
        RuleFor(x => x.Plan).NotEmpty()
            .Must(code => plans.Find(code) is not null)
            .WithMessage($"Choose one of the plans: {string.Join(", ", plans.All.Select(p => p.Code))}.");
        RuleFor(x => x.IdempotencyKey).MaximumLength(255)
            .Must(key => key is null || key.All(c => c is >= '!' and <= '~'))
            .WithMessage("An idempotency key is printable ASCII without spaces.");
    }
}

public sealed class CreateCheckoutSessionHandler(
    ICatalogDb catalog, IBillingGateway gateway, PlanCatalog plans, ITenantContext tenantContext, ICurrentUser currentUser,
    IAuditLog audit, TimeProvider clock, VerifiedEmailRequirement verifiedEmail) : ICommandHandler<CreateCheckoutSession, BillingRedirectDto>
{
    public async ValueTask<BillingRedirectDto> Handle(CreateCheckoutSession command, CancellationToken cancellationToken)
    {
        BillingGuard.EnsureEnabled(plans);
        var plan = plans.Find(command.Plan)!;
        if (currentUser.IsAuthenticated)
        {
            await verifiedEmail.EnsureAsync("subscribe", cancellationToken);
        }

        var tenantId = tenantContext.TenantId;
        var tenant = await catalog.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new NotFoundException("Tenant", tenantId);
        if (tenant.HasPaidPlan)
        {
            // A second Checkout would start a second subscription and charge twice; plan changes go through the portal,
            // which changes the one subscription (and Stripe prorates).
            throw new ConflictException(
                $"This tenant already has a {plans.Find(tenant.Plan)?.Name ?? tenant.Plan} subscription ({tenant.SubscriptionStatus}). " +
                "Change plans or payment details in the billing portal.");
        }

        var url = await gateway.CreateCheckoutSessionAsync(new CheckoutSessionRequest(
            tenantId, plan.Code, plan.StripePriceId!, tenant.StripeCustomerId,
            currentUser.IsAuthenticated ? currentUser.Email : null,
            IdempotencyKeyFor(tenantId, plan.Code, command.IdempotencyKey, clock.GetUtcNow())), cancellationToken);

        await audit.RecordAsync(AuditEventType.SubscriptionCheckoutStarted, tenantId, currentUser.IsAuthenticated ? currentUser.UserId : null,
            $"Opened Checkout for the {plan.Name} plan.", cancellationToken);
        return new BillingRedirectDto(url);
    }

    /// <summary>
    /// The key Stripe deduplicates the session by (DESIGN.md section 5): the same tenant, plan and caller key give the
    /// same session, so a retried request never opens a second one. Without a caller key, requests of the same minute
    /// share one (a double click opens one session), and a later attempt gets a fresh session rather than a stale one.
    /// Hashed: the caller's key is theirs to choose, and Stripe limits keys to 255 characters.
    /// </summary>
    public static string IdempotencyKeyFor(Guid tenantId, string plan, string? callerKey, DateTimeOffset now)
    {
        var scope = callerKey is { Length: > 0 }
            ? "key:" + callerKey
            : "minute:" + now.ToUnixTimeSeconds() / 60;
        var material = string.Create(CultureInfo.InvariantCulture, $"{tenantId:N}\n{plan}\n{scope}");
        return "checkout-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }
}

internal static class BillingGuard
{
    public static void EnsureEnabled(PlanCatalog plans)
    {
        if (!plans.BillingEnabled)
        {
            throw new ConflictException(
                $"Billing is off on this self-hosted instance: every workspace has the {plans.SelfHosted.Name} plan and there is nothing to buy. " +
                "Whoever runs the server can turn on payments in its settings.");
        }
    }
}
