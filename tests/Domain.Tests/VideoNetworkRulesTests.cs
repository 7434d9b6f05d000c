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
    public void A_youtube_post_is_one_video_with_a_title_and_a_privacy_and_a_description_of_5000_bytes()
    {
        var video = new PostOptions(Title: "Bread, start to finish", Privacy: "unlisted");
        Post(SocialPlatform.YouTube, new string('a', 5_000), video, Video).CheckPlatformRules(Types, Now.AddDays(1));

        Assert.Equal("variants[0].mediaAssetIds", Refused(Post(SocialPlatform.YouTube, "Bake", video, Image)).Field);
        Assert.Equal("variants[0].mediaAssetIds", Refused(Post(SocialPlatform.YouTube, "Bake", video, Video, Image)).Field);
        Assert.Equal("variants[0].options.title", Refused(Post(SocialPlatform.YouTube, "Bake", video with { Title = null }, Video)).Field);
        Assert.Equal("variants[0].options.title", Refused(Post(SocialPlatform.YouTube, "Bake", video with { Title = "<b>Bread</b>" }, Video)).Field);
        Assert.Equal("variants[0].options.privacy", Refused(Post(SocialPlatform.YouTube, "Bake", video with { Privacy = "friends" }, Video)).Field);
        // 2,500 characters of "é" are 5,000 bytes; one more is over.
        Post(SocialPlatform.YouTube, new string('é', 2_500), video, Video).CheckPlatformRules(Types, Now.AddDays(1));
        var bytes = Refused(Post(SocialPlatform.YouTube, new string('é', 2_500) + "a", video, Video));
        Assert.Contains("5,000 bytes", bytes.Message, StringComparison.Ordinal);
        Assert.Equal("variants[0].text", bytes.Field);
    }

    [Fact]
    public void A_youtube_publish_time_needs_a_private_video_and_a_time_after_the_upload_and_tags_fit_in_500_characters()
    {
        var later = new PostOptions(Title: "Bread", Privacy: "private", PublishAt: Now.AddDays(2));
        Post(SocialPlatform.YouTube, "Bake", later, Video).CheckPlatformRules(Types, Now.AddDays(1));

        Assert.Equal("variants[0].options.privacy", Refused(Post(SocialPlatform.YouTube, "Bake", later with { Privacy = "public" }, Video)).Field);
        Assert.Equal("variants[0].options.publishAt", Refused(Post(SocialPlatform.YouTube, "Bake", later with { PublishAt = Now.AddHours(1) }, Video)).Field);
        var tags = Enumerable.Range(0, 50).Select(i => $"tag number {i:00}").ToList();
        Assert.Equal("variants[0].options.tags", Refused(Post(SocialPlatform.YouTube, "Bake", later with { Tags = tags }, Video)).Field);
        // "ab" is 2, "c d" is 3 and its quotes 2, the comma between them 1.
        Assert.Equal(8, PostOptions.YouTubeTagLength(["ab", "c d"]));
    }

    [Fact]
    public void A_tiktok_post_is_one_video_with_a_caption_of_2200_characters_and_a_privacy_the_creator_chose()
    {
        var chosen = new PostOptions(Privacy: "SELF_ONLY", DisableComment: true);
        Post(SocialPlatform.TikTok, string.Concat(Enumerable.Repeat("🍞", 2_200)), chosen, Video).CheckPlatformRules(Types, Now.AddDays(1));

        Assert.Equal("variants[0].options.privacy", Refused(Post(SocialPlatform.TikTok, "Rye", null, Video)).Field);
        Assert.Equal("variants[0].options.privacy", Refused(Post(SocialPlatform.TikTok, "Rye", chosen with { Privacy = "EVERYONE" }, Video)).Field);
        Assert.Equal("variants[0].mediaAssetIds", Refused(Post(SocialPlatform.TikTok, "Rye", chosen, Image)).Field);
        Assert.Contains("2,200", Refused(Post(SocialPlatform.TikTok, new string('a', 2_201), chosen, Video)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_may_go_to_every_network_at_once() =>
        Assert.Equal(ContentItem.MaxVariants, Enum.GetValues<SocialPlatform>().Length);

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
