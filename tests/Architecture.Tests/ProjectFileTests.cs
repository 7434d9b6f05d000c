namespace BrandAutomator.Architecture.Tests;

public class ProjectFileTests
{
    [Fact]
    public void Every_src_project_is_a_known_layer()
    {
        Assert.Equal(Enum.GetNames<Layer>().Order(StringComparer.Ordinal), SourceProjects.Names());
    }

    [Fact]
    public void Domain_references_no_package_or_project()
    {
        Assert.Empty(SourceProjects.DeclaredReferences(Layer.Domain));
    }

    [Theory]
    [InlineData(Layer.Domain)]
    [InlineData(Layer.Application)]
    [InlineData(Layer.Infrastructure)]
    [InlineData(Layer.WebApi)]
    public void Project_file_references_point_inwards_only(Layer layer)
    {
        var violations = LayerRules.Violations(layer, SourceProjects.DeclaredReferences(layer));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Application_project_references_domain()
    {
        Assert.Contains(Reference.Project("Domain"), SourceProjects.DeclaredReferences(Layer.Application));
    }
}
