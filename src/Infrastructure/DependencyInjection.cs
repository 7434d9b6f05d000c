using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Ai;
using BrandAutomator.Infrastructure.Ai.Embeddings;
using BrandAutomator.Infrastructure.Assets;
using BrandAutomator.Application.Billing;
using BrandAutomator.Infrastructure.Audit;
using BrandAutomator.Infrastructure.Billing;
using BrandAutomator.Infrastructure.Email;
using BrandAutomator.Infrastructure.Files.Inspection;
using BrandAutomator.Infrastructure.Identity;
using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using BrandAutomator.Infrastructure.Scheduling;
using BrandAutomator.Infrastructure.Security;
using BrandAutomator.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

using BrandAutomator.Infrastructure.Profiles;

namespace BrandAutomator.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddValidatedOptions<EmbeddedPostgresOptions>(EmbeddedPostgresOptions.Section);
        services.AddValidatedOptions<JwtOptions>(JwtOptions.Section);
        services.AddValidatedOptions<EmailOptions>(EmailOptions.Section);
        services.AddValidatedOptions<BillingOptions>(BillingOptions.Section);

        AddPersistence(services, configuration);
        AddIdentity(services);

        services.AddSingleton<SigningKeys>();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddSingleton<AccessGrants>();
        services.AddSingleton<IAccessRevocation>(sp => sp.GetRequiredService<AccessGrants>());
        services.AddApiKeys();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddSingleton<IAppLinks, AppLinks>();
        services.AddSingleton<BackgroundEmailQueue>();
        services.AddSingleton<IEmailQueue>(sp => sp.GetRequiredService<BackgroundEmailQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundEmailQueue>());
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
            ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<OutboxEmailSender>(sp));
        services.AddFileStorage();

        services.AddValidatedOptions<Application.Assets.AssetLimitOptions>(Application.Assets.AssetLimitOptions.Section);
        services.AddSingleton<AssetJobSignal>();
        services.AddScoped<Application.Assets.IAssetProcessingQueue, AssetProcessingQueue>();
        services.AddScoped<Application.Assets.IAssetSearch, AssetSearch>();
        services.AddSingleton<BrandGuard.GuardStatementCache>();
        services.AddScoped<Application.BrandGuard.IGuardEvidence, BrandGuard.GuardEvidence>();
        services.AddEmbeddings();
        services.AddSingleton<AssetReindexer>();
        services.AddHostedService(sp => sp.GetRequiredService<AssetReindexer>());
        services.AddSingleton<AssetProcessingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AssetProcessingWorker>());

        services.AddSingleton<IBillingGateway, StripeBillingGateway>();
        services.AddAi(configuration);

        services.AddContentInspection();
        services.AddPublishing(configuration, configuration.GetConnectionString("Default")!);
        Analytics.AnalyticsSetup.AddAnalytics(services, configuration);
        services.AddWebhooks();
        Links.LinksSetup.AddShortLinks(services);
        services.AddProfiles(configuration);

        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return services;
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        // One pool for the whole process: the catalog and every tenant schema share it (DESIGN.md section 3).
        services.AddSingleton(_ => NpgsqlSetup.BuildDataSource(connectionString));

        // Pooled contexts: a request leases a ready DbContext instead of building its options and EF's internal services
        // anew, which was the largest cost of a read (bench/api, docs/performance.md).
        // Both contexts add the webhook events their changes raise to the same save (the outbox).
        services.AddSingleton<Webhooks.WebhookOutboxInterceptor>();
        services.AddDbContextPool<CatalogDbContext>((sp, options) => options.UseCatalogNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetRequiredService<Webhooks.WebhookOutboxInterceptor>()));
        services.AddScoped<ICatalogDb>(sp => sp.GetRequiredService<CatalogDbContext>());

        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddSingleton<TenantSearchPathInterceptor>();
        services.AddPooledDbContextFactory<TenantDbContext>((sp, options) => options
            .UseTenantNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetRequiredService<TenantSearchPathInterceptor>(), sp.GetRequiredService<Webhooks.WebhookOutboxInterceptor>()));
        // A leased context works for the scope's tenant; the interceptor reads it when a connection opens.
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TenantDbContext>>().CreateDbContext();
            db.Tenant = sp.GetRequiredService<ITenantContext>();
            return db;
        });
        services.AddScoped<ITenantDb>(sp => sp.GetRequiredService<TenantDbContext>());

        services.AddSingleton<TenantSchemaScript>();
        services.AddSingleton<SpareTenantSchemas>();
        services.AddHostedService<SpareTenantSchemaKeeper>();
        services.AddScoped<ITenantProvisioner, TenantProvisioner>();
        services.AddSingleton<DatabaseMigrator>();
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                // Length and the common-password list are checked by the application (PasswordPolicy); no composition rules.
                options.Password.RequiredLength = Application.Auth.PasswordPolicy.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "";
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
                options.Tokens.EmailConfirmationTokenProvider = EmailVerificationTokenProvider.ProviderName;
                options.Tokens.AuthenticatorTokenProvider = TotpAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<CatalogDbContext>()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName)
            .AddTokenProvider<EmailVerificationTokenProvider>(EmailVerificationTokenProvider.ProviderName)
            .AddTokenProvider<TotpAuthenticatorTokenProvider>(TotpAuthenticatorTokenProvider.ProviderName);
        services.AddValidatedOptions<Application.Auth.AccountOptions>(Application.Auth.AccountOptions.Section);
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<ITwoFactorAccounts, TwoFactorAccounts>();
        services.AddSingleton<ISignInChallenges, SignInChallenges>();
        services.AddScoped<IExternalLogins, ExternalLogins>();
        services.AddOptions<ExternalAuthenticationOptions>().BindConfiguration(ExternalAuthenticationOptions.Section);
        services.AddHttpClient<IExternalIdentityProviders, OpenIdConnectProviders>(client => client.Timeout = TimeSpan.FromSeconds(30));

        // Google Drive import (#25): downloads are streamed, so the client has no overall timeout; metadata calls bound their own.
        services.AddValidatedOptions<Drive.GoogleDriveOptions>(Drive.GoogleDriveOptions.Section);

        // RSS and Atom feeds (#24): private and loopback addresses are refused in Production, at connect time too.
        services.AddValidatedOptions<Feeds.FeedOptions>(Feeds.FeedOptions.Section);
        services.AddOptions<Feeds.FeedOptions>().PostConfigure<Microsoft.Extensions.Hosting.IHostEnvironment>(
            (options, environment) => options.AllowPrivateAddresses ??= !Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsProduction(environment));
        services.AddHttpClient<Application.Feeds.IFeedFetcher, Feeds.HttpFeedFetcher>(Feeds.HttpFeedFetcher.ClientName,
                (sp, client) => Feeds.HttpFeedFetcher.Configure(client, sp.GetRequiredService<IOptions<Feeds.FeedOptions>>()))
            .ConfigurePrimaryHttpMessageHandler(sp => Feeds.HttpFeedFetcher.Handler(sp.GetRequiredService<IOptions<Feeds.FeedOptions>>()));
        services.AddSingleton<Application.Feeds.IFeedAddressPolicy, Feeds.FeedAddressPolicy>();
        services.AddHttpClient<Application.Drive.IGoogleDrive, Drive.GoogleDriveClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient<Application.Drive.IDriveAuthorizationServer, Drive.GoogleDriveAuthorization>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<Application.Drive.IDriveTokenProtector, Drive.DriveTokenProtector>();
    }

    private static void AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
