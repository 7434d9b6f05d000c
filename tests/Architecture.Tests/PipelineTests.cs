using System.Reflection;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Billing;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using Mediator;

namespace BrandAutomator.Architecture.Tests;

/// <summary>
/// Transactions and plan features belong to the pipeline: a command says it needs one transaction
/// (<see cref="ITransactionalCommand"/>) or a feature of the plan (<see cref="IRequireEntitlement"/>), and the
/// behaviours do the rest. The few places that still open a transaction or check a feature themselves are listed here
/// and, with their reasons, in docs/architecture.md; the lists are exact, so a new one or a moved one fails the test.
/// </summary>
public class PipelineTests
{
    /// <summary>The types that may begin a transaction themselves (docs/architecture.md, "Transactions" says why).</summary>
    private static readonly string[] OpenTheirOwnTransaction =
    [
        // The behaviour itself, and the type that begins a catalog transaction for it and for the exceptions below.
        "BrandAutomator.Application.Common.Behaviors.TransactionBehavior`2",
        "BrandAutomator.Application.Common.Ports.CatalogTransaction",
        "BrandAutomator.Application.Auth.CompleteExternalSignInHandler",
        "BrandAutomator.Application.Assets.UploadAssetsHandler",
        "BrandAutomator.Application.Assets.ProcessAssetHandler",
        "BrandAutomator.Application.Billing.RefreshBillingHistoryHandler",
        "BrandAutomator.Application.Webhooks.DeliverWebhooksHandler",
        "BrandAutomator.Application.Feeds.FeedCheck",
        "BrandAutomator.Application.BrandGuard.BrandRuleBook",
        "BrandAutomator.Application.Drive.DriveFileImporter",
    ];

    /// <summary>The handlers that check a plan feature inline (docs/architecture.md, "Plan features" says why).</summary>
    private static readonly string[] CheckTheirOwnFeature =
    [
        // The behaviour itself.
        "BrandAutomator.Application.Common.Behaviors.EntitlementBehavior`2",
        "BrandAutomator.Application.Content.ScheduleContentHandler",
        "BrandAutomator.Application.Content.PublishContentNowHandler",
        "BrandAutomator.Application.Content.ImportContentHandler",
    ];

    private static readonly MethodInfo[] BeginTransaction =
    [
        typeof(ITenantDb).GetMethod(nameof(ITenantDb.BeginTransactionAsync))!,
        typeof(ICatalogDb).GetMethod(nameof(ICatalogDb.BeginTransactionAsync))!,
        typeof(CatalogTransaction).GetMethod(nameof(CatalogTransaction.BeginAsync))!,
    ];

    private static readonly MethodInfo[] FeatureChecks =
    [
        typeof(IAutomationEntitlement).GetMethod(nameof(IAutomationEntitlement.EnsureAutomationAsync))!,
        typeof(PlanEntitlements).GetMethod(nameof(PlanEntitlements.EnsureAutomationAsync))!,
        typeof(PlanEntitlements).GetMethod(nameof(PlanEntitlements.EnsureTeamAsync))!,
        typeof(PlanEntitlements).GetMethod(nameof(PlanEntitlements.EnsureAdvancedAiAsync))!,
    ];

    [Fact]
    public void Only_the_listed_types_begin_a_transaction_themselves()
    {
        var callers = TopLevelCallersOf(BeginTransaction);

        Assert.True(callers.SetEquals(OpenTheirOwnTransaction),
            "Mark the command ITransactionalCommand instead of beginning a transaction in its handler (or list the exception, " +
            "with its reason in docs/architecture.md). Unexpected: " + string.Join(", ", callers.Except(OpenTheirOwnTransaction)) +
            "; listed but not found: " + string.Join(", ", OpenTheirOwnTransaction.Except(callers)));
    }

    [Fact]
    public void Handlers_check_a_plan_feature_by_marker_except_the_listed_ones()
    {
        var callers = TopLevelCallersOf(FeatureChecks);

        Assert.True(callers.SetEquals(CheckTheirOwnFeature),
            "Mark the message IRequireEntitlement instead of checking the plan in its handler (or list the exception, with its " +
            "reason in docs/architecture.md). Unexpected: " + string.Join(", ", callers.Except(CheckTheirOwnFeature)) +
            "; listed but not found: " + string.Join(", ", CheckTheirOwnFeature.Except(callers)));
    }

    [Fact]
    public void A_handler_that_uses_the_command_transaction_handles_a_transactional_command()
    {
        // CommandTransaction.AfterCommit and .Catalog only work while the pipeline holds a transaction for the message.
        var offenders = Handlers()
            .Where(handler => handler.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(CommandTransaction)))
            .Where(handler => !MessageOf(handler).IsAssignableTo(typeof(ITransactionalCommand)))
            .Select(handler => handler.FullName)
            .ToList();

        Assert.True(offenders.Count == 0, "Mark the command ITransactionalCommand: " + string.Join(", ", offenders));
    }

    [Fact]
    public void A_handler_that_takes_a_lock_handles_a_transactional_command_or_opens_its_own()
    {
        // The locks last until the open transaction ends: without one they are released at once, and protect nothing.
        MethodInfo[] locks =
        [
            typeof(ITenantDb).GetMethod(nameof(ITenantDb.LockAsync))!,
            typeof(ICatalogDb).GetMethod(nameof(ICatalogDb.LockTenantAsync))!,
            typeof(ICatalogDb).GetMethod(nameof(ICatalogDb.LockStripeEventAsync))!,
        ];
        var offenders = Handlers()
            .Where(handler => MethodIl.CalledMethods(handler).Any(called => locks.Any(l => Same(called, l))))
            .Where(handler => !MessageOf(handler).IsAssignableTo(typeof(ITransactionalCommand)) &&
                              !OpenTheirOwnTransaction.Contains(handler.FullName))
            .Select(handler => handler.FullName)
            .ToList();

        Assert.True(offenders.Count == 0, "Mark the command ITransactionalCommand: " + string.Join(", ", offenders));
    }

    [Fact]
    public void A_catalog_command_that_uses_the_catalog_transaction_names_the_catalog_store()
    {
        var catalog = typeof(CommandTransaction).GetProperty(nameof(CommandTransaction.Catalog))!.GetMethod!;
        var offenders = Handlers()
            .Where(handler => MethodIl.CalledMethods(handler).Any(called => Same(called, catalog)))
            .Where(handler => StoreOf(MessageOf(handler)) != TransactionStore.Catalog)
            .Select(handler => handler.FullName)
            .ToList();

        Assert.True(offenders.Count == 0, "These use the catalog transaction but do not ask for it: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_markers_are_found()
    {
        // Guards the rules above: finding no marked message would pass them vacuously.
        var messages = CompiledLayers.Load(Layer.Application).GetTypes();
        Assert.Contains(messages, t => t.Name == "RegisterAccount" && StoreOf(t) == TransactionStore.Catalog);
        Assert.Contains(messages, t => t.Name == "CreateCompany" && StoreOf(t) == TransactionStore.Tenant);
        Assert.Contains(messages, t => t.Name == "QueueContent" && t.IsAssignableTo(typeof(IRequireEntitlement)));
    }

    private static HashSet<string> TopLevelCallersOf(IReadOnlyCollection<MethodInfo> methods) =>
        CompiledLayers.Load(Layer.Application).GetTypes()
            .Where(type => !type.IsNested && type.Namespace?.StartsWith("BrandAutomator.", StringComparison.Ordinal) == true)
            .Where(type => MethodIl.CalledMethods(type).Any(called => methods.Any(method => Same(called, method))))
            .Select(type => type.FullName!)
            .ToHashSet(StringComparer.Ordinal);

    private static bool Same(MethodBase called, MethodBase method) =>
        called.Module == method.Module && called.MetadataToken == method.MetadataToken;

    private static IEnumerable<Type> Handlers() =>
        CompiledLayers.Load(Layer.Application).GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsNested: false })
            .Where(type => type.GetInterfaces().Any(IsHandlerInterface));

    private static bool IsHandlerInterface(Type i) =>
        i.IsGenericType && i.Assembly == typeof(ISender).Assembly && i.Name.Contains("Handler", StringComparison.Ordinal);

    private static Type MessageOf(Type handler) => handler.GetInterfaces().First(IsHandlerInterface).GetGenericArguments()[0];

    private static TransactionStore? StoreOf(Type message) =>
        message.IsAssignableTo(typeof(ITransactionalCommand))
            ? (TransactionStore)message.GetProperty(nameof(ITransactionalCommand.Store), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!
            : null;
}
