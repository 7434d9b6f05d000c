namespace BrandAutomator.Architecture.Tests;

/// <summary>The rules themselves: a layer reaching outwards must be reported, the allowed references must not.</summary>
public class LayerRulesTests
{
    [Theory]
    [InlineData("Npgsql")]
    [InlineData("BrandAutomator.Application")]
    [InlineData("Microsoft.Extensions.Logging.Abstractions")]
    [InlineData("System.Net.Http")]
    public void Rule_catches_domain_reaching_for_anything_beyond_the_base_library(string assembly)
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Domain, [Reference.Assembly(assembly)]));
    }

    [Fact]
    public void Rule_catches_domain_declaring_any_package()
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Domain, [Reference.Package("System.Text.Json")]));
    }

    [Fact]
    public void Rule_catches_domain_referencing_a_project()
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Domain, [Reference.Project("Application")]));
    }

    [Fact]
    public void Rule_accepts_domain_on_the_base_library()
    {
        Assert.Empty(LayerRules.Violations(Layer.Domain,
            [Reference.Assembly("System.Runtime"), Reference.Assembly("System.Collections"), Reference.Assembly("netstandard")]));
    }

    [Theory]
    [InlineData(ReferenceKind.Package, "Npgsql")]
    [InlineData(ReferenceKind.Assembly, "Npgsql")]
    [InlineData(ReferenceKind.Package, "Npgsql.EntityFrameworkCore.PostgreSQL")]
    public void Rule_catches_application_reaching_for_npgsql(ReferenceKind kind, string name)
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Application, [new Reference(kind, name)]));
    }

    [Theory]
    [InlineData(ReferenceKind.Package, "Stripe.net")]
    [InlineData(ReferenceKind.Assembly, "Stripe.net")]
    public void Rule_catches_application_reaching_for_stripe(ReferenceKind kind, string name)
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Application, [new Reference(kind, name)]));
    }

    [Theory]
    [InlineData(ReferenceKind.Assembly, "Microsoft.AspNetCore.Http.Abstractions")]
    [InlineData(ReferenceKind.Package, "Microsoft.AspNetCore.Http.Abstractions")]
    [InlineData(ReferenceKind.Framework, "Microsoft.AspNetCore.App")]
    public void Rule_catches_application_reaching_for_asp_net_core(ReferenceKind kind, string name)
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Application, [new Reference(kind, name)]));
    }

    [Fact]
    public void Rule_catches_application_reaching_for_http_types()
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Application, [Reference.Assembly("System.Net.Http")]));
    }

    [Theory]
    [InlineData(ReferenceKind.Package, "Google.Apis.YouTube.v3")]
    [InlineData(ReferenceKind.Assembly, "Google.Apis.Core")]
    public void Rule_catches_application_reaching_for_google(ReferenceKind kind, string name)
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Application, [new Reference(kind, name)]));
    }

    [Theory]
    [InlineData(ReferenceKind.Package, "Microsoft.EntityFrameworkCore.Relational")]
    [InlineData(ReferenceKind.Assembly, "Microsoft.EntityFrameworkCore.Relational")]
    public void Rule_catches_application_reaching_for_relational_ef_core(ReferenceKind kind, string name)
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Application, [new Reference(kind, name)]));
    }

    [Theory]
    [InlineData(ReferenceKind.Project, "Infrastructure")]
    [InlineData(ReferenceKind.Project, "WebApi")]
    [InlineData(ReferenceKind.Assembly, "BrandAutomator.Infrastructure")]
    [InlineData(ReferenceKind.Assembly, "BrandAutomator.WebApi")]
    public void Rule_catches_application_referencing_an_outer_layer(ReferenceKind kind, string name)
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Application, [new Reference(kind, name)]));
    }

    [Fact]
    public void Rule_catches_application_using_an_unlisted_package()
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Application, [Reference.Package("Newtonsoft.Json")]));
    }

    [Fact]
    public void Rule_accepts_application_on_domain_and_its_abstractions()
    {
        Reference[] allowed =
        [
            Reference.Project("Domain"),
            Reference.Assembly("BrandAutomator.Domain"),
            Reference.Package("Mediator.Abstractions"),
            Reference.Assembly("Mediator"),
            Reference.Package("FluentValidation"),
            Reference.Package("FluentValidation.DependencyInjectionExtensions"),
            Reference.Package("Microsoft.EntityFrameworkCore"),
            Reference.Assembly("Microsoft.EntityFrameworkCore"),
            Reference.Package("Microsoft.Extensions.Logging.Abstractions"),
            Reference.Package("Microsoft.Extensions.DependencyInjection.Abstractions"),
            Reference.Package("Microsoft.Extensions.Options"),
            Reference.Package("Microsoft.Extensions.Caching.Abstractions"),
            Reference.Package("Microsoft.Extensions.AI.Abstractions"),
            Reference.Package("Riok.Mapperly"),
            Reference.Assembly("System.Runtime"),
            Reference.Assembly("System.Linq.Expressions"),
        ];

        Assert.Empty(LayerRules.Violations(Layer.Application, allowed));
    }

    [Theory]
    [InlineData(ReferenceKind.Project, "WebApi")]
    [InlineData(ReferenceKind.Assembly, "BrandAutomator.WebApi")]
    public void Rule_catches_infrastructure_referencing_web_api(ReferenceKind kind, string name)
    {
        Assert.NotEmpty(LayerRules.Violations(Layer.Infrastructure, [new Reference(kind, name)]));
    }

    [Fact]
    public void Rule_accepts_infrastructure_on_application_and_its_technologies()
    {
        Assert.Empty(LayerRules.Violations(Layer.Infrastructure,
            [Reference.Project("Application"), Reference.Package("Npgsql"), Reference.Framework("Microsoft.AspNetCore.App")]));
    }

    [Fact]
    public void Violations_name_the_layer_and_the_reference()
    {
        var violation = Assert.Single(LayerRules.Violations(Layer.Application, [Reference.Package("Stripe.net")]));

        Assert.Contains("Application", violation, StringComparison.Ordinal);
        Assert.Contains("package Stripe.net", violation, StringComparison.Ordinal);
    }
}
