using System.Reflection;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Architecture.Tests;

/// <summary>
/// Handlers do not call handlers: what two use cases share lives in a reader or mapper named for what it does, so a
/// request runs the pipeline once and a handler reads top to bottom.
/// </summary>
public class HandlerTests
{
    /// <summary>Types a handler could reach another handler through.</summary>
    private static readonly Type[] Dispatchers = [typeof(ISender), typeof(IMediator), typeof(IServiceProvider), typeof(IServiceScopeFactory)];

    public static TheoryData<Layer> LayersWithHandlers => [Layer.Application, Layer.Infrastructure, Layer.WebApi];

    [Theory]
    [MemberData(nameof(LayersWithHandlers))]
    public void No_handler_takes_a_sender_or_a_service_locator(Layer layer)
    {
        var offenders = Handlers(layer)
            .SelectMany(handler => handler.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(constructor => constructor.GetParameters())
                .Where(parameter => Dispatchers.Any(d => d.IsAssignableFrom(parameter.ParameterType)))
                .Select(parameter => $"{handler.FullName}({parameter.ParameterType.Name} {parameter.Name})"))
            .ToList();

        Assert.True(offenders.Count == 0, "Handlers must not send requests; share a reader instead:" + Environment.NewLine +
            string.Join(Environment.NewLine, offenders));
    }

    [Theory]
    [MemberData(nameof(LayersWithHandlers))]
    public void No_handler_calls_into_another_handler(Layer layer)
    {
        // Catches what the constructor rule cannot: a static helper on a handler used by another handler
        // (RescheduleContentHandler.SaveAsync was), or a handler built by hand. Read from the compiled IL, async state machines included.
        var handlers = Handlers(layer).ToHashSet();
        var offenders = handlers
            .SelectMany(handler => MethodIl.CalledMethods(handler)
                .Where(called => OwningHandler(called.DeclaringType, handlers) is { } owner && owner != handler)
                .Select(called => $"{handler.FullName} -> {called.DeclaringType!.FullName}.{called.Name}"))
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Handlers_are_found()
    {
        // Guards the rules above: finding no handler would pass them vacuously.
        Assert.Contains(Handlers(Layer.Application), h => h.Name == "GetDashboardHandler");
    }

    [Fact]
    public void Il_reading_sees_calls_made_after_an_await()
    {
        // Guards the call rule: the dashboard reads the activity feed inside its async state machine.
        var dashboard = Handlers(Layer.Application).Single(h => h.Name == "GetDashboardHandler");
        Assert.Contains(MethodIl.CalledMethods(dashboard), m => m.DeclaringType?.Name == "AutomationActivity" && m.Name == "ReadPageAsync");
    }

    private static Type? OwningHandler(Type? type, HashSet<Type> handlers)
    {
        for (; type is not null; type = type.DeclaringType)
        {
            if (handlers.Contains(type.IsGenericType ? type.GetGenericTypeDefinition() : type))
            {
                return type;
            }
        }

        return null;
    }

    private static IEnumerable<Type> Handlers(Layer layer) =>
        CompiledLayers.Load(layer).GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.Namespace?.StartsWith("BrandAutomator.", StringComparison.Ordinal) == true)
            .Where(type => type.GetInterfaces().Any(i =>
                i.IsGenericType && i.Assembly == typeof(ISender).Assembly && i.Name.Contains("Handler", StringComparison.Ordinal)));
}
