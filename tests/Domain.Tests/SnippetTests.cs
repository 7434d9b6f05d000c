using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Snippets;

namespace BrandAutomator.Domain.Tests;

public sealed class SnippetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 22, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_template_with_unknown_variables_is_refused_naming_each_of_them()
    {
        var refused = Assert.Throws<DomainRuleException>(() =>
            Snippet.Create(Guid.NewGuid(), SnippetKind.Template, "Launch", "{brand} has {prodcut} at { price }, {Product}", Now));
        Assert.Equal("body", refused.Field);
        Assert.StartsWith("Unknown variables {prodcut}, {price}: a template can use {brand}, {product}, {link}, {website}.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_variables_are_filled_and_unknown_ones_stay_as_written()
    {
        Assert.Equal(["brand", "link"], TemplateVariables.Used("{brand} at {link}; {Brand}"));
        Assert.Equal("Acme at {link}", TemplateVariables.Fill("{ brand } at {link}", new Dictionary<string, string> { ["brand"] = "Acme" }));
    }

    [Fact]
    public void A_hashtag_group_keeps_each_tag_once_with_its_hash_and_refuses_tags_with_other_characters()
    {
        var group = Snippet.Create(Guid.NewGuid(), SnippetKind.HashtagGroup, " Coffee ", "#coffee specialty,#Roasting\n#COFFEE", Now);
        Assert.Equal("#coffee #specialty #Roasting", group.Body);
        Assert.Equal("Coffee", group.Name);
        var refused = Assert.Throws<DomainRuleException>(() => group.Change("Coffee", "#good #not-good", Now));
        Assert.Contains("#not-good", refused.Message, StringComparison.Ordinal);
        Assert.Equal("#coffee #specialty #Roasting", group.Body);
    }

    [Fact]
    public void Every_problem_names_its_field()
    {
        var problems = Snippet.Problems(SnippetKind.Signature, "", new string('a', Snippet.MaxBodyLength + 1)).ToList();
        Assert.Equal(["name", "body"], problems.Select(p => p.Field));
    }
}
