using BrandAutomator.Application;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Architecture.Tests;

/// <summary>
/// Validators are registered once for the process (built on every request they cost about 1% of a calendar read), so
/// none may depend on anything that lives per request or per tenant: each constructor takes only the clock or a
/// service the application registers as a singleton.
/// </summary>
public class ValidatorLifetimeTests
{
    [Fact]
    public void Every_validator_is_a_singleton_that_takes_only_singletons()
    {
        var services = new ServiceCollection().AddApplication();
        var validators = services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>)).ToList();

        Assert.NotEmpty(validators);
        Assert.All(validators, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        var singletons = services.Where(d => d.Lifetime == ServiceLifetime.Singleton).Select(d => d.ServiceType).Append(typeof(TimeProvider)).ToHashSet();
        var offending = validators
            .Select(d => d.ImplementationType!)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Validator: t, p.ParameterType)))
            .Where(x => !singletons.Contains(x.ParameterType))
            .Select(x => $"{x.Validator.Name} takes {x.ParameterType.Name}")
            .ToList();
        Assert.True(offending.Count == 0, "Validators that take a service not registered as a singleton: " + string.Join("; ", offending));
    }
}
