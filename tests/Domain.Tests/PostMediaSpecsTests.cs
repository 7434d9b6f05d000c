using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

/// <summary>What LinkedIn and X take in one post, said in words a marketer reads (no MIME types, no field names).</summary>
public sealed class PostMediaSpecsTests
{
    private const long Mb = 1024 * 1024;

    private static PostMedium Image(string type = "image/png", long size = 200_000, int? width = 1200, int? height = 675) => new(false, type, size, null, width, height);

    private static PostMedium Video(string type = "video/mp4", long size = 20 * Mb, double? seconds = 42) => new(true, type, size, seconds, 1080, 1920);

    [Fact]
    public void What_each_network_takes_passes()
    {
        Assert.Null(PostMediaSpecs.Problem(SocialPlatform.LinkedIn, [Image("image/jpeg"), Image(), Image("image/gif")]));
        Assert.Null(PostMediaSpecs.Problem(SocialPlatform.LinkedIn, [Video()]));
        Assert.Null(PostMediaSpecs.Problem(SocialPlatform.X, [Image("image/webp"), Image(), Image(), Image("image/jpeg")]));
        Assert.Null(PostMediaSpecs.Problem(SocialPlatform.X, [Video("video/quicktime")]));
        Assert.Null(PostMediaSpecs.Problem(SocialPlatform.X, [Image("image/gif", 14 * Mb)]));
        // Networks that fetch the media themselves are not in this table.
        Assert.Null(PostMediaSpecs.Problem(SocialPlatform.Instagram, [Video("video/webm", 2_000 * Mb)]));
    }

    [Theory]
    [InlineData("image/webp", "LinkedIn takes JPG, PNG or GIF images; this one is a WEBP file.")]
    [InlineData("image/svg+xml", "LinkedIn takes JPG, PNG or GIF images; this one is an SVG file.")]
    public void Linkedin_refuses_image_formats_it_does_not_take(string type, string message) =>
        Assert.Equal(message, PostMediaSpecs.Problem(SocialPlatform.LinkedIn, [Image(type)]));

    [Fact]
    public void Sizes_lengths_and_counts_over_the_limits_are_refused_naming_the_limit_and_the_file()
    {
        Assert.Equal("X takes images up to 5 MB; this one is 6 MB.", PostMediaSpecs.Problem(SocialPlatform.X, [Image(size: 6 * Mb)]));
        Assert.Equal("X takes animated GIFs up to 15 MB; this one is 16 MB.", PostMediaSpecs.Problem(SocialPlatform.X, [Image("image/gif", 16 * Mb)]));
        Assert.Equal("LinkedIn takes videos of 75 KB to 500 MB; this one is 600 MB.", PostMediaSpecs.Problem(SocialPlatform.LinkedIn, [Video(size: 600 * Mb)]));
        Assert.Equal("LinkedIn takes videos of 3 seconds to 30 minutes; this one lasts 2 seconds.", PostMediaSpecs.Problem(SocialPlatform.LinkedIn, [Video(seconds: 2)]));
        Assert.Equal("X takes videos of 0.5 seconds to 20 minutes; this one lasts 25 minutes.", PostMediaSpecs.Problem(SocialPlatform.X, [Video(seconds: 1_500)]));
        Assert.Equal("X takes MP4 or MOV videos; this one is a WEBM file.", PostMediaSpecs.Problem(SocialPlatform.X, [Video("video/webm")]));
        Assert.Equal("An X post takes at most 4 images; this one has 5.", PostMediaSpecs.Problem(SocialPlatform.X, [Image(), Image(), Image(), Image(), Image()]));
        Assert.Contains("at most 20 images", PostMediaSpecs.Problem(SocialPlatform.LinkedIn, Enumerable.Repeat(Image(), 21).ToList()), StringComparison.Ordinal);
        Assert.Contains("fewer than 36,152,320 pixels", PostMediaSpecs.Problem(SocialPlatform.LinkedIn, [Image(width: 8000, height: 6000)]), StringComparison.Ordinal);
    }

    [Fact]
    public void Images_and_a_video_do_not_mix_a_post_takes_one_video_and_a_gif_goes_alone_on_x()
    {
        Assert.Contains("images or one video, not both", PostMediaSpecs.Problem(SocialPlatform.LinkedIn, [Image(), Video()]), StringComparison.Ordinal);
        Assert.Contains("takes one video; this one has 2", PostMediaSpecs.Problem(SocialPlatform.X, [Video(), Video()]), StringComparison.Ordinal);
        Assert.Equal("An animated GIF goes alone in an X post: remove the other images.", PostMediaSpecs.Problem(SocialPlatform.X, [Image("image/gif"), Image()]));
        Assert.Equal("A LinkedIn post takes images or one video, not both: remove the images or the video.", PostMediaSpecs.Problem(SocialPlatform.LinkedIn, [Video(), Image()]));
    }
}
