using BrandAutomator.Domain.Links;

namespace BrandAutomator.Domain.Tests;

public sealed class LinkTests
{
    [Theory]
    [InlineData("https://acme.example/menu", "https://acme.example/menu?utm_source=x&utm_medium=social&utm_campaign=autumn&utm_content=p1")]
    [InlineData("https://acme.example/menu?ref=feed#top", "https://acme.example/menu?ref=feed&utm_source=x&utm_medium=social&utm_campaign=autumn&utm_content=p1#top")]
    [InlineData("https://acme.example/?", "https://acme.example/?utm_source=x&utm_medium=social&utm_campaign=autumn&utm_content=p1")]
    [InlineData("https://acme.example/?UTM_CAMPAIGN=mine&utm_source=news", "https://acme.example/?UTM_CAMPAIGN=mine&utm_source=news&utm_medium=social&utm_content=p1")]
    public void Utm_parameters_are_added_after_the_authors_own_query_and_never_replace_its_parameters(string url, string expected) =>
        Assert.Equal(expected, UtmParameters.Apply(url, "x", "autumn", "p1"));

    [Fact]
    public void Utm_values_are_escaped_and_campaign_names_are_slugs() =>
        Assert.Equal("https://a.example/?utm_source=x&utm_medium=social&utm_campaign=caf%C3%A9%20%26%20co&utm_content=1",
            UtmParameters.Apply("https://a.example/", "x", "café & co", "1"));

    [Fact]
    public void An_international_address_becomes_ascii_for_the_location_header() =>
        Assert.Equal("https://xn--caf-dma.example/men%C3%BC?q=%C3%A9", UtmParameters.ToAscii("https://café.example/menü?q=é"));

    [Theory]
    [InlineData("Autumn Menu 2026!", "autumn-menu-2026")]
    [InlineData("  Café — Läden  ", "caf-l-den")]
    [InlineData("!!!", "")]
    public void A_campaign_slug_keeps_ascii_letters_and_digits_joined_by_hyphens(string name, string slug) =>
        Assert.Equal(slug, UtmParameters.Slug(name));

    [Fact]
    public void Links_are_found_without_the_punctuation_that_ends_a_sentence()
    {
        var found = LinkFinder.Find("Menu: https://acme.example/menu?ref=feed. Also (https://acme.example/a_b), https://acme.example/menu?ref=feed! ftp://no.example x.example");
        Assert.Equal(["https://acme.example/menu?ref=feed", "https://acme.example/a_b"], found);
    }

    [Fact]
    public void Replacing_a_link_leaves_a_longer_link_that_starts_with_it_alone()
    {
        var text = "See https://acme.example/menu and https://acme.example/menu/winter.";
        var replaced = LinkFinder.Replace(text, new Dictionary<string, string>
        {
            ["https://acme.example/menu"] = "https://s.example/l/AAAAAAAAAA",
            ["https://acme.example/menu/winter"] = "https://s.example/l/BBBBBBBBBB",
        });
        Assert.Equal("See https://s.example/l/AAAAAAAAAA and https://s.example/l/BBBBBBBBBB.", replaced);
    }

    [Fact]
    public void A_campaign_without_letters_or_digits_is_refused_on_its_field()
    {
        var settings = PostLinkSettings.For(Guid.NewGuid());
        var refused = Assert.Throws<Common.DomainRuleException>(() => settings.Change(true, "!!!", DateTimeOffset.UnixEpoch));
        Assert.Equal("campaign", refused.Field);
        settings.Change(true, "  ", DateTimeOffset.UnixEpoch);
        Assert.Null(settings.Campaign);
    }
}
