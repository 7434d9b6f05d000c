using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Companies;

namespace BrandAutomator.Domain.Tests;

public sealed class CompanyTests
{
    [Fact]
    public void Create_trims_and_drops_empty_optional_fields()
    {
        var company = Company.Create("  Acme  ", "  ", " Retail ", null, DateTimeOffset.UtcNow);

        Assert.Equal("Acme", company.Name);
        Assert.Null(company.Description);
        Assert.Equal("Retail", company.Industry);
    }

    [Fact]
    public void A_description_over_the_limit_is_refused_on_its_field()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Company.Create("Acme", new string('x', Company.MaxDescriptionLength + 1), null, null, DateTimeOffset.UtcNow));

        Assert.Equal("description", error.Field);
    }
}
