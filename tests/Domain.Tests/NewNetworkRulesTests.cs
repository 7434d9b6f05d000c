using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

/// <summary>Bluesky's and Threads' own limits, checked when a post is scheduled.</summary>
public sealed class NewNetworkRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static ContentItem Post(SocialPlatform platform, string text, params Guid[] media) =>
        ContentItem.Create(null, "Title", [new ContentVariant(platform, text, media)], null, Guid.NewGuid(), Now);

    [Theory]
    [InlineData("👨‍👩‍👧", 1)]
    [InlineData("🇫🇷 Paris", 7)]
    [InlineData("cafe\u0301", 4)]
    public void Bluesky_counts_graphemes_as_its_lexicon_does(string text, int expected) =>
        Assert.Equal(expected, SocialPlatform.Bluesky.TextLength(text));

    [Fact]
    public void Bluesky_takes_300_graphemes_and_threads_500_characters()
    {
        Post(SocialPlatform.Bluesky, string.Concat(Enumerable.Repeat("👨‍👩‍👧", 300))).CheckPlatformRules(new Dictionary<Guid, AssetType>());
        var bluesky = Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.Bluesky, new string('a', 301)).CheckPlatformRules(new Dictionary<Guid, AssetType>()));
        var threads = Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.Threads, new string('a', 501)).CheckPlatformRules(new Dictionary<Guid, AssetType>()));

        Assert.Equal("variants[0].text", bluesky.Field);
        Assert.Contains("Bluesky allows at most 300 characters", bluesky.Message, StringComparison.Ordinal);
        Assert.Contains("Threads allows at most 500 characters", threads.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bluesky_post_takes_up_to_four_images_and_no_video()
    {
        var images = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var video = Guid.NewGuid();
        var types = images.ToDictionary(id => id, _ => AssetType.Image);
        types[video] = AssetType.Video;

        Post(SocialPlatform.Bluesky, "Four", images[..4]).CheckPlatformRules(types);
        var five = Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.Bluesky, "Five", images).CheckPlatformRules(types));
        var moving = Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.Bluesky, "Video", video).CheckPlatformRules(types));
        Post(SocialPlatform.Threads, "Video", video).CheckPlatformRules(types);

        Assert.Equal("variants[0].mediaAssetIds", five.Field);
        Assert.Contains("at most 4 images", five.Message, StringComparison.Ordinal);
        Assert.Contains("not videos", moving.Message, StringComparison.Ordinal);
    }
}
