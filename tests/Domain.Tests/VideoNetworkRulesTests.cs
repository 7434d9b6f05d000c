using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

/// <summary>Pinterest's, YouTube's and TikTok's own rules and settings, checked when a post is scheduled.</summary>
public sealed class VideoNetworkRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Image = Guid.NewGuid();
    private static readonly Guid SecondImage = Guid.NewGuid();
    private static readonly Guid Video = Guid.NewGuid();
    private static readonly Dictionary<Guid, AssetType> Types = new() { [Image] = AssetType.Image, [SecondImage] = AssetType.Image, [Video] = AssetType.Video };

    private static ContentItem Post(SocialPlatform platform, string text, PostOptions? options, params Guid[] media) =>
        ContentItem.Create(null, "Title", [new ContentVariant(platform, text, media, options)], null, Guid.NewGuid(), Now);

    private static DomainRuleException Refused(ContentItem item) => Assert.Throws<DomainRuleException>(() => item.CheckPlatformRules(Types, Now.AddDays(1)));

    [Fact]
    public void A_pin_needs_a_board_and_one_image_or_video_and_takes_500_characters_of_description_and_100_of_title()
    {
        var board = new PostOptions(BoardId: "549755885175");
        Post(SocialPlatform.Pinterest, new string('a', 500), board with { Title = new string('t', 100) }, Image).CheckPlatformRules(Types, Now.AddDays(1));
        Post(SocialPlatform.Pinterest, "Kneading", board, Video).CheckPlatformRules(Types, Now.AddDays(1));

        Assert.Equal("variants[0].options.boardId", Refused(Post(SocialPlatform.Pinterest, "Bread", null, Image)).Field);
        Assert.Equal("variants[0].mediaAssetIds", Refused(Post(SocialPlatform.Pinterest, "Bread", board)).Field);
        var two = Refused(Post(SocialPlatform.Pinterest, "Bread", board, Image, SecondImage));
        Assert.Contains("one image or one video", two.Message, StringComparison.Ordinal);
        Assert.Contains("500", Refused(Post(SocialPlatform.Pinterest, new string('a', 501), board, Image)).Message, StringComparison.Ordinal);
        Assert.Equal("variants[0].options.title", Refused(Post(SocialPlatform.Pinterest, "Bread", board with { Title = new string('t', 101) }, Image)).Field);
        Assert.Equal("variants[0].options.link", Refused(Post(SocialPlatform.Pinterest, "Bread", board with { Link = "javascript:alert(1)" }, Image)).Field);
    }

    [Fact]
    public void Options_are_kept_trimmed_without_blanks_or_repeated_tags_and_a_post_without_any_keeps_none()
    {
        var item = Post(SocialPlatform.Pinterest, "Bread", new PostOptions(Title: "  Loaf ", BoardId: " 42 ", Link: " ", Tags: ["#bread", "Bread", " "]), Image);
        var plain = Post(SocialPlatform.Pinterest, "Bread", new PostOptions(Title: " "), Image);

        var options = item.Variants[0].Options!;
        Assert.Equal("Loaf", options.Title);
        Assert.Equal("42", options.BoardId);
        Assert.Null(options.Link);
        Assert.Equal(["bread"], options.Tags!);
        Assert.Null(plain.Variants[0].Options);
    }
}
