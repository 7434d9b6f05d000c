namespace BrandAutomator.Domain.Social;

/// <summary>The networks the product publishes to.</summary>
public enum SocialPlatform
{
    LinkedIn,
    X,
    Facebook,
    Instagram,
    GoogleBusiness,
}

/// <summary>What each network accepts in one post: checked when a post is scheduled, not only when it is sent.</summary>
public static class PlatformRules
{
    public static string DisplayName(this SocialPlatform platform) => platform switch
    {
        SocialPlatform.LinkedIn => "LinkedIn",
        SocialPlatform.X => "X",
        SocialPlatform.Facebook => "Facebook",
        SocialPlatform.Instagram => "Instagram",
        SocialPlatform.GoogleBusiness => "Google Business Profile",
        _ => platform.ToString(),
    };

    /// <summary>The longest text the network takes, in characters (Unicode code points).</summary>
    public static int MaxTextLength(this SocialPlatform platform) => platform switch
    {
        SocialPlatform.X => 280,
        SocialPlatform.LinkedIn => 3_000,
        SocialPlatform.Instagram => 2_200,
        SocialPlatform.Facebook => 63_206,
        SocialPlatform.GoogleBusiness => 1_500,
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    /// <summary>Instagram has no text-only posts: a post needs an image or a video.</summary>
    public static bool RequiresMedia(this SocialPlatform platform) => platform == SocialPlatform.Instagram;

    /// <summary>Characters as the networks count them: code points, so an emoji is one and not two UTF-16 units.</summary>
    public static int CountCharacters(string text) => text.EnumerateRunes().Count();
}
