using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

/// <summary>The same cases as client/src/features/calendar/limits.test.ts: the composer and the server count alike.</summary>
public sealed class XTextTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello, world", 12)]
    [InlineData("café", 4)]
    [InlineData("cafe\u0301", 4)] // decomposed é is one character after NFC
    [InlineData("日本語", 6)]
    [InlineData("😀", 2)]
    [InlineData("👩‍👩‍👧‍👦", 2)] // one emoji sequence
    [InlineData("❤️", 2)]
    [InlineData("“quoted” — dash", 15)]
    [InlineData("Read https://example.com/a/very/long/path?with=query&and=more", 28)]
    [InlineData("See http://x.co.", 28)] // the full stop after the link counts on its own
    [InlineData("two https://a.example https://b.example links", 57)]
    public void Weighted_length_counts_links_23_and_wide_characters_2(string text, int expected)
    {
        Assert.Equal(expected, XText.WeightedLength(text));
        Assert.Equal(expected, SocialPlatform.X.TextLength(text));
    }

    [Fact]
    public void Other_networks_count_code_points()
    {
        Assert.Equal(3, SocialPlatform.LinkedIn.TextLength("日本語"));
        Assert.Equal(1, SocialPlatform.Instagram.TextLength("😀"));
        Assert.Equal(40, SocialPlatform.Facebook.TextLength("https://example.com/a/very/long/path/xyz"));
    }
}
