namespace BrandAutomator.Architecture.Tests;

/// <summary>The four layers of src/, innermost first; the folder, project and assembly suffix share the name.</summary>
public enum Layer
{
    Domain,
    Application,
    Infrastructure,
    WebApi,
}

public enum ReferenceKind
{
    Assembly,
    Package,
    Project,
    Framework,
}

/// <summary>One thing a layer depends on: a compiled assembly reference or a csproj item.</summary>
public sealed record Reference(ReferenceKind Kind, string Name)
{
    public static Reference Assembly(string name) => new(ReferenceKind.Assembly, name);

    public static Reference Package(string name) => new(ReferenceKind.Package, name);

    /// <summary>A ProjectReference, named by the project ("Infrastructure"), not by its path.</summary>
    public static Reference Project(string name) => new(ReferenceKind.Project, name);

    public static Reference Framework(string name) => new(ReferenceKind.Framework, name);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name}";
}

/// <summary>
/// Dependencies point inwards only (DESIGN.md section 1): Domain &lt;- Application &lt;- Infrastructure &lt;- WebApi.
/// A pure function, so the same rules judge the compiled assemblies, the csproj files and the tests' made-up cases.
/// </summary>
public static class LayerRules
{
    private const string AssemblyPrefix = "BrandAutomator.";

    // What the outer layers wrap. Named explicitly so that a System.* or Microsoft.EntityFrameworkCore.* name
    // cannot slip through a prefix, and so that the message says why.
    private static readonly string[] OutwardPrefixes =
    [
        "Npgsql", "Stripe", "Google.", "Microsoft.AspNetCore.", "Microsoft.EntityFrameworkCore.Relational",
    ];

    private static readonly HashSet<string> OutwardNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.AspNetCore", "Microsoft.AspNetCore.App", "Google", "System.Net.Http",
    };

    // Application's abstractions, by package name and by the assembly name the package ships.
    private static readonly HashSet<string> ApplicationPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mediator.Abstractions",
        "FluentValidation",
        "FluentValidation.DependencyInjectionExtensions",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Options",
        "Microsoft.Extensions.Caching.Abstractions",
        "Microsoft.Extensions.AI.Abstractions",
        "Riok.Mapperly",
    };

    private static readonly HashSet<string> ApplicationAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mediator",
        "FluentValidation",
        "FluentValidation.DependencyInjectionExtensions",
        "Microsoft.EntityFrameworkCore",
        // Ships inside the Microsoft.EntityFrameworkCore package: attributes such as [Index].
        "Microsoft.EntityFrameworkCore.Abstractions",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Options",
        "Microsoft.Extensions.Caching.Abstractions",
        "Microsoft.Extensions.AI.Abstractions",
        "Riok.Mapperly.Abstractions",
    };

    /// <summary>Human-readable reasons why <paramref name="layer"/> may not depend on these references; empty when it may.</summary>
    public static IReadOnlyList<string> Violations(Layer layer, IEnumerable<Reference> references) =>
        references.Select(reference => Judge(layer, reference)).OfType<string>().ToList();

    private static string? Judge(Layer layer, Reference reference) => layer switch
    {
        Layer.Domain => JudgeDomain(reference),
        Layer.Application => JudgeApplication(reference),
        Layer.Infrastructure => OwnLayer(reference) == Layer.WebApi
            ? $"Infrastructure references {reference}: the composition root sits outside it"
            : null,
        _ => null,
    };

    private static string? JudgeDomain(Reference reference)
    {
        if (IsOutward(reference.Name))
        {
            return $"Domain references {reference}, an outer-layer technology";
        }

        return reference.Kind switch
        {
            ReferenceKind.Assembly when IsBaseLibrary(reference.Name) => null,
            ReferenceKind.Assembly => $"Domain references {reference}: only System.*, netstandard and mscorlib are allowed",
            _ => $"Domain references {reference}: the domain has no package, project or framework references",
        };
    }

    private static string? JudgeApplication(Reference reference)
    {
        if (IsOutward(reference.Name))
        {
            return $"Application references {reference}, an outer-layer technology it may only see through a port";
        }

        var own = OwnLayer(reference);
        if (own is not null)
        {
            return own == Layer.Domain ? null : $"Application references {reference}: it may depend on Domain only";
        }

        var allowed = reference.Kind switch
        {
            ReferenceKind.Assembly => IsBaseLibrary(reference.Name) || ApplicationAssemblies.Contains(reference.Name),
            ReferenceKind.Package => ApplicationPackages.Contains(reference.Name),
            _ => false,
        };
        return allowed ? null : $"Application references {reference}, which is not one of its allowed abstractions";
    }

    /// <summary>The layer a project or BrandAutomator.* assembly reference points at; null for anything else.</summary>
    private static Layer? OwnLayer(Reference reference)
    {
        var name = reference.Kind switch
        {
            ReferenceKind.Project => reference.Name,
            ReferenceKind.Assembly when reference.Name.StartsWith(AssemblyPrefix, StringComparison.Ordinal)
                => reference.Name[AssemblyPrefix.Length..],
            _ => null,
        };
        return Enum.GetValues<Layer>().Where(layer => layer.ToString() == name).Cast<Layer?>().FirstOrDefault();
    }

    private static bool IsOutward(string name) =>
        OutwardNames.Contains(name)
        || OutwardPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static bool IsBaseLibrary(string name) =>
        name is "System" or "netstandard" or "mscorlib"
        || name.StartsWith("System.", StringComparison.Ordinal);
}
