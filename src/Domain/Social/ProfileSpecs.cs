using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BrandAutomator.Domain.Social;

/// <summary>An image's exact size in pixels.</summary>
public sealed record PixelSize(int Width, int Height);

/// <summary>One text field of a profile (a bio, a tagline, an about text) and the most the network takes.</summary>
public sealed record ProfileTextField(string Key, string Label, int MaxLength);

/// <summary>
/// What a handle (username, page URL name) may be on one network: its length and its characters. Checked on every
/// suggestion before it is offered.
/// </summary>
public sealed record HandleRule(int MinLength, int MaxLength, string Characters, bool LowerCase)
{
    public bool AllowsDot => Characters.Contains('.', StringComparison.Ordinal);

    public bool AllowsUnderscore => Characters.Contains('_', StringComparison.Ordinal);

    public bool AllowsHyphen => Characters.Contains('-', StringComparison.Ordinal);

    public bool IsValid(string handle)
    {
        if (handle.Length < MinLength || handle.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in handle)
        {
            var allowed = char.IsAsciiDigit(c) || (LowerCase ? char.IsAsciiLetterLower(c) : char.IsAsciiLetter(c)) ||
                          (c == '.' && AllowsDot) || (c == '_' && AllowsUnderscore) || (c == '-' && AllowsHyphen);
            if (!allowed)
            {
                return false;
            }
        }

        // Dots and hyphens separate words: never first, last or doubled (Instagram, Facebook and LinkedIn all refuse these).
        return handle[0] is not ('.' or '-') && handle[^1] is not ('.' or '-') &&
               !handle.Contains("..", StringComparison.Ordinal) && !handle.Contains("--", StringComparison.Ordinal);
    }
}

/// <summary>Everything a profile kit must respect on one network: name length, handle rules, image sizes, text limits.</summary>
public sealed record ProfileSpec(
    SocialPlatform Platform, string AccountNoun, int MaxDisplayNameLength, HandleRule? Handle, PixelSize Avatar, string AvatarLabel,
    PixelSize? Banner, string? BannerLabel, IReadOnlyList<ProfileTextField> TextFields, string? HandleUrlPrefix);

/// <summary>
/// The one table of profile sizes and limits. Networks publish these in their help centres and change them now and
/// then; when one changes, this is the only place to edit. Sources, as read in 2026:
/// <list type="bullet">
/// <item>X: help.x.com "Help with username registration" (username 4-15 characters, letters, digits and underscore;
/// we ask for 5 because the page says "longer than 4"); "How to customize your profile" (name 50, bio 160; profile
/// photo 400x400, header 1500x500). The bio is counted as X counts text (twitter-text v3: weighted; see
/// <see cref="ProfileText.Count"/>).</item>
/// <item>Instagram: help.instagram.com "Change your username" (30 characters: letters, numbers, periods, underscores);
/// "Edit your profile" (bio 150 characters); profile photo shown at 320x320. Instagram profiles have no banner.</item>
/// <item>LinkedIn Pages: linkedin.com/help "Create a LinkedIn Page" and "Page admin: image specifications" (logo
/// 400x400, cover 1128x191; tagline 120 characters, overview/about 2,000; page name 100; public URL letters, digits
/// and hyphens).</item>
/// <item>Facebook Pages: facebook.com/help "Page username" (at least 5 characters, letters, digits and periods, up to
/// 50); profile picture shown at up to 720x720 on phones; cover 851x315 on desktop; the Page's "about" (short
/// description, Graph API field <c>about</c>) 255 characters.</item>
/// <item>Google Business Profile: support.google.com/business "Photo and video guidelines" (logo 720x720, cover
/// 1024x576, JPG or PNG, 10 KB to 5 MB); "Business description" and the Business Information API
/// <c>Location.profile.description</c> (750 characters). A Business Profile has no handle.</item>
/// <item>Bluesky: the lexicon app.bsky.actor.profile (github.com/bluesky-social/atproto, lexicons/app/bsky/actor/profile.json:
/// displayName maxGraphemes 64, description maxGraphemes 256, avatar and banner PNG or JPEG up to 1,000,000 bytes);
/// the app crops the avatar square (we ask for 1000x1000) and the banner 3:1 (1500x500). Handles on bsky.social:
/// docs.bsky.app "Handles" and the PDS's check (a name of 3 to 18 letters, digits and hyphens, then .bsky.social; a
/// domain of one's own also works).</item>
/// <item>Threads: help.instagram.com "Edit your Threads profile" (username that of Instagram: 30 letters, numbers, periods,
/// underscores; name 30; bio 150; picture shown at 320x320); a Threads profile has no banner.</item>
/// <item>Pinterest: help.pinterest.com "Edit your profile" (username 3 to 30 letters, numbers and underscores; name up to
/// 65 characters; "About" up to 500 characters; profile picture shown at 280x280; a cover of 16:9, we ask for 1600x900).
/// Pins: "Add a title and description to your Pin" (title 100, description 500) and the API v5 reference, Pins
/// "Create Pin" (<c>title</c> 100, <c>link</c> 2,048, <c>alt_text</c> 500); a pin is one image or one video on a board.</item>
/// <item>YouTube: support.google.com/youtube "Manage your YouTube handle" (3 to 30 letters, numbers, periods, hyphens
/// and underscores), "Manage your channel's basic info" (name up to 100 characters, description 1,000), "Manage your
/// channel branding" (profile picture 800x800, banner 2560x1440 with its safe area in the middle 1546x423). Videos: Data
/// API v3 videos resource (title 100 characters, description 5,000 bytes, tags 500 characters in all, privacy public,
/// unlisted or private, <c>publishAt</c> only for private videos); "Upload YouTube Shorts" (vertical or square, up to
/// 3 minutes).</item>
/// <item>TikTok: support.tiktok.com "Changing your username" (2 to 24 letters, numbers, underscores and periods) and
/// "Editing your profile" (name up to 30 characters, bio 80, profile photo at least 200x200; no banner). Videos: Content
/// Posting API "Direct Post" (caption 2,200 UTF-16 units, a privacy level chosen among the account's options, comments,
/// duets and stitches may be turned off; "Media Transfer Guide": chunks of 5 to 64 MB, the last up to 128 MB).</item>
/// </list>
/// </summary>
public static class ProfileSpecs
{
    public static readonly ProfileSpec X = new(
        SocialPlatform.X, "account", 50, new HandleRule(5, 15, "a-z A-Z 0-9 _", LowerCase: false),
        new PixelSize(400, 400), "Profile photo", new PixelSize(1500, 500), "Header", [new("bio", "Bio", 160)], "https://x.com/");

    public static readonly ProfileSpec Instagram = new(
        SocialPlatform.Instagram, "account", 30, new HandleRule(1, 30, "a-z 0-9 . _", LowerCase: true),
        new PixelSize(320, 320), "Profile photo", null, null, [new("bio", "Bio", 150)], "https://www.instagram.com/");

    public static readonly ProfileSpec LinkedIn = new(
        SocialPlatform.LinkedIn, "page", 100, new HandleRule(3, 100, "a-z 0-9 -", LowerCase: true),
        new PixelSize(400, 400), "Logo", new PixelSize(1128, 191), "Cover image",
        [new("tagline", "Tagline", 120), new("about", "About (overview)", 2_000)], "https://www.linkedin.com/company/");

    public static readonly ProfileSpec Facebook = new(
        SocialPlatform.Facebook, "page", 75, new HandleRule(5, 50, "a-z A-Z 0-9 .", LowerCase: false),
        new PixelSize(720, 720), "Profile picture", new PixelSize(851, 315), "Cover photo", [new("about", "About (short description)", 255)],
        "https://www.facebook.com/");

    public static readonly ProfileSpec GoogleBusiness = new(
        SocialPlatform.GoogleBusiness, "Business Profile", 100, null,
        new PixelSize(720, 720), "Logo", new PixelSize(1024, 576), "Cover photo", [new("description", "Business description", 750)], null);

    public static readonly ProfileSpec Bluesky = new(
        SocialPlatform.Bluesky, "account", 64, new HandleRule(3, 18, "a-z 0-9 -", LowerCase: true),
        new PixelSize(1000, 1000), "Avatar", new PixelSize(1500, 500), "Banner", [new("bio", "Bio (description)", 256)], "https://bsky.app/profile/");

    public static readonly ProfileSpec Threads = new(
        SocialPlatform.Threads, "profile", 30, new HandleRule(1, 30, "a-z 0-9 . _", LowerCase: true),
        new PixelSize(320, 320), "Profile picture", null, null, [new("bio", "Bio", 150)], "https://www.threads.net/@");

    public static readonly ProfileSpec Pinterest = new(
        SocialPlatform.Pinterest, "profile", 65, new HandleRule(3, 30, "a-z A-Z 0-9 _", LowerCase: false),
        new PixelSize(280, 280), "Profile picture", new PixelSize(1600, 900), "Cover", [new("about", "About", 500)], "https://www.pinterest.com/");

    public static readonly ProfileSpec YouTube = new(
        SocialPlatform.YouTube, "channel", 100, new HandleRule(3, 30, "a-z A-Z 0-9 . _ -", LowerCase: false),
        new PixelSize(800, 800), "Profile picture", new PixelSize(2560, 1440), "Banner", [new("description", "Channel description", 1_000)],
        "https://www.youtube.com/@");

    public static readonly ProfileSpec TikTok = new(
        SocialPlatform.TikTok, "account", 30, new HandleRule(2, 24, "a-z A-Z 0-9 _ .", LowerCase: false),
        new PixelSize(200, 200), "Profile photo", null, null, [new("bio", "Bio", 80)], "https://www.tiktok.com/@");

    public static ProfileSpec For(SocialPlatform platform) => platform switch
    {
        SocialPlatform.TikTok => TikTok,
        SocialPlatform.YouTube => YouTube,
        SocialPlatform.Pinterest => Pinterest,
        SocialPlatform.Threads => Threads,
        SocialPlatform.Bluesky => Bluesky,
        SocialPlatform.X => X,
        SocialPlatform.Instagram => Instagram,
        SocialPlatform.LinkedIn => LinkedIn,
        SocialPlatform.Facebook => Facebook,
        SocialPlatform.GoogleBusiness => GoogleBusiness,
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    public static IReadOnlyList<ProfileSpec> All { get; } = [LinkedIn, X, Facebook, Instagram, GoogleBusiness, Bluesky, Threads, Pinterest, YouTube, TikTok];
}
