using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use cases' validators. Mediator itself is generated and added at the composition root.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Validators hold no per-request state (their few dependencies, the clock and the plan catalogue, are singletons):
        // built once instead of on every request, where building each rule's expression cost about 1% of a calendar read.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<Auth.SessionIssuer>();
        services.AddScoped<Auth.SessionTerminator>();
        services.AddScoped<Auth.SignInCompletion>();
        services.AddScoped<Auth.SecondFactorVerifier>();
        services.AddScoped<Auth.EmailVerificationMailer>();
        services.AddScoped<Auth.VerifiedEmailRequirement>();
        services.AddSingleton<Billing.PlanCatalog>();
        services.AddScoped<Webhooks.WebhookEndpointAlarm>();
        services.AddScoped<Billing.PlanEntitlements>();
        services.AddScoped<Automation.IAutomationEntitlement>(sp => sp.GetRequiredService<Billing.PlanEntitlements>());
        services.AddScoped<Ai.GroundingRetriever>();
        services.AddScoped<BrandGuard.BrandRuleBook>();
        services.AddScoped<BrandGuard.BrandGuardService>();
        services.AddScoped<BrandGuard.GuardModelPass>();
        services.AddScoped<BrandGuard.ScheduleGate>();
        services.AddSingleton<BrandGuard.ToneJudge>();
        services.AddScoped<Ai.AiQuota>();
        services.AddScoped<Ai.CachedAiCall>();
        services.AddScoped<Social.ProfileKitBuilder>();
        services.AddScoped<Social.ProfileKitReader>();
        services.AddScoped<Content.TenantTime>();
        services.AddScoped<Content.ContentImportCheck>();
        services.AddScoped<Common.IdempotentRequests>();
        services.AddScoped<Common.Behaviors.CommandTransaction>();
        services.AddScoped<Tenants.WorkspaceProvisioner>();
        services.AddScoped<Automation.PublishingNotifier>();
        services.AddScoped<Automation.PublishingCredentials>();
        services.AddScoped<Automation.PublishingMediaUploads>();
        services.AddSingleton<Automation.PublishingThrottle>();
        services.AddScoped<Analytics.MetricsCollector>();
        services.AddScoped<Analytics.AnalyticsReport>();
        services.AddScoped<Analytics.PostResults>();
        services.AddScoped<Drive.DriveAccess>();
        services.AddScoped<Drive.DriveFileImporter>();
        services.AddScoped<Drive.DriveChangeSync>();
        services.AddScoped<Drive.DriveSourceRunner>();
        return services;
    }
}
