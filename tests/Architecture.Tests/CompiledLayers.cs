using System.Reflection;

namespace BrandAutomator.Architecture.Tests;

/// <summary>What each compiled layer actually references, whatever its csproj says.</summary>
public static class CompiledLayers
{
    public static Assembly Load(Layer layer) => Assembly.Load($"BrandAutomator.{layer}");

    public static IReadOnlyList<Reference> References(Layer layer) =>
        Load(layer).GetReferencedAssemblies()
            .Select(name => Reference.Assembly(name.Name!))
            .ToList();
}
