namespace BrandAutomator.Architecture.Tests;

public class CompiledAssemblyTests
{
    [Fact]
    public void Domain_assembly_references_only_the_base_library()
    {
        var violations = LayerRules.Violations(Layer.Domain, CompiledLayers.References(Layer.Domain));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [InlineData(Layer.Application)]
    [InlineData(Layer.Infrastructure)]
    [InlineData(Layer.WebApi)]
    public void Compiled_references_point_inwards_only(Layer layer)
    {
        var violations = LayerRules.Violations(layer, CompiledLayers.References(layer));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_layer_has_a_public_type()
    {
        // Guards the other tests: an assembly that failed to load or lost its types would pass them vacuously.
        Assert.All(Enum.GetValues<Layer>(), layer => Assert.NotEmpty(CompiledLayers.Load(layer).GetExportedTypes()));
    }
}
