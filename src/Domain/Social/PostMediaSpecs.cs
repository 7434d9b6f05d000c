using System.Globalization;

namespace BrandAutomator.Domain.Social;

/// <summary>What the product knows of one image or video of a post: enough to say whether a network takes it.</summary>
/// <param name="IsVideo">A video (else an image, animated GIFs included).</param>
/// <param name="MediaType">The file's type as detected from its bytes (<c>image/png</c>, <c>video/mp4</c>).</param>
public sealed record PostMedium(bool IsVideo, string MediaType, long SizeBytes, double? DurationSeconds = null, int? Width = null, int? Height = null);

/// <summary>The limits one network puts on the images and videos of one post.</summary>
public sealed record PostMediaSpec(
    SocialPlatform Platform,
    IReadOnlyDictionary<string, string> ImageTypes,
    IReadOnlyDictionary<string, string> VideoTypes,
    int MaxImages,
    int MaxVideos,
    bool MixesImagesAndVideo,
    long? MaxImageBytes,
    long? MaxGifBytes,
    long? MaxImagePixels,
    int MaxGifs,
    long MinVideoBytes,
    long MaxVideoBytes,
    double MinVideoSeconds,
    double MaxVideoSeconds);

/// <summary>
/// The one table of the media limits of a post, for the networks whose media this product uploads itself (the others
/// fetch a signed link and their rules are in <see cref="PlatformRules"/>). Networks publish these and change them now
/// and then; when one changes, this is the only place to edit. Sources, as read in 2026:
/// <list type="bullet">
/// <item>LinkedIn: Microsoft Learn, LinkedIn Marketing, Community Management "Images API" (JPG, GIF and PNG; fewer than
/// 36,152,320 pixels; GIFs up to 250 frames), "Videos API" ("Video File Size Specifications": MP4, 3 seconds to 30
/// minutes, 75 KB to 500 MB; the schema's 5 GB ceiling is the transport's, the 500 MB the product's), "MultiImage API"
/// (2 to 20 images; no videos in a multi-image post) and "Posts API" (one video per post).</item>
/// <item>X: docs.x.com "Media: best practices" (up to 4 photos, 1 animated GIF or 1 video in a Post; JPG, PNG, GIF and
/// WEBP; images up to 5 MB, animated GIFs up to 15 MB; a video on a Post 0.5 seconds to 20 minutes and up to 8 GB for
/// accounts without X Premium, whose larger caps this product does not assume) and "Initialize media upload" (video
/// types MP4 and MOV among those taken for Posts).</item>
/// </list>
/// </summary>
public static class PostMediaSpecs
{
    private const long Megabyte = 1024L * 1024;

    private static readonly Dictionary<string, string> Jpeg = new(StringComparer.OrdinalIgnoreCase) { ["image/jpeg"] = "JPG", ["image/pjpeg"] = "JPG" };

    public static readonly PostMediaSpec LinkedIn = new(
        SocialPlatform.LinkedIn,
        new Dictionary<string, string>(Jpeg, StringComparer.OrdinalIgnoreCase) { ["image/png"] = "PNG", ["image/gif"] = "GIF" },
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["video/mp4"] = "MP4" },
        MaxImages: 20, MaxVideos: 1, MixesImagesAndVideo: false,
        MaxImageBytes: null, MaxGifBytes: null, MaxImagePixels: 36_152_319, MaxGifs: 20,
        MinVideoBytes: 75 * 1024, MaxVideoBytes: 500 * Megabyte, MinVideoSeconds: 3, MaxVideoSeconds: 30 * 60);

    public static readonly PostMediaSpec X = new(
        SocialPlatform.X,
        new Dictionary<string, string>(Jpeg, StringComparer.OrdinalIgnoreCase) { ["image/png"] = "PNG", ["image/gif"] = "GIF", ["image/webp"] = "WEBP" },
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["video/mp4"] = "MP4", ["video/quicktime"] = "MOV" },
        MaxImages: 4, MaxVideos: 1, MixesImagesAndVideo: false,
        MaxImageBytes: 5 * Megabyte, MaxGifBytes: 15 * Megabyte, MaxImagePixels: null, MaxGifs: 1,
        MinVideoBytes: 1, MaxVideoBytes: 8L * 1024 * Megabyte, MinVideoSeconds: 0.5, MaxVideoSeconds: 20 * 60);

    /// <summary>The network's spec, or null where this table has none (the network fetches the media itself).</summary>
    public static PostMediaSpec? For(SocialPlatform platform) => platform switch
    {
        SocialPlatform.LinkedIn => LinkedIn,
        SocialPlatform.X => X,
        _ => null,
    };

    /// <summary>Why <paramref name="platform"/> cannot take these media in one post, in words; null when it can (or has no spec here).</summary>
    public static string? Problem(SocialPlatform platform, IReadOnlyList<PostMedium> media)
    {
        if (For(platform) is not { } spec || media.Count == 0)
        {
            return null;
        }

        var name = platform.DisplayName();
        var videos = media.Count(m => m.IsVideo);
        var images = media.Count - videos;
        var gifs = media.Count(m => !m.IsVideo && string.Equals(m.MediaType, "image/gif", StringComparison.OrdinalIgnoreCase));
        if (videos > 0 && images > 0 && !spec.MixesImagesAndVideo)
        {
            return $"{Capital(A(name))} {name} post takes images or one video, not both: remove the images or the video.";
        }

        if (videos > spec.MaxVideos)
        {
            return $"{Capital(A(name))} {name} post takes one video; this one has {videos}.";
        }

        if (gifs > 0 && images > spec.MaxGifs)
        {
            return spec.MaxGifs == 1
                ? $"An animated GIF goes alone in {A(name)} {name} post: remove the other images."
                : $"{Capital(A(name))} {name} post takes at most {spec.MaxGifs} images; this one has {images}.";
        }

        if (images > spec.MaxImages)
        {
            return $"{Capital(A(name))} {name} post takes at most {spec.MaxImages} images; this one has {images}.";
        }

        return media.Select(m => m.IsVideo ? VideoProblem(spec, m) : ImageProblem(spec, m)).FirstOrDefault(p => p is not null);
    }

    private static string? ImageProblem(PostMediaSpec spec, PostMedium image)
    {
        var name = spec.Platform.DisplayName();
        if (!spec.ImageTypes.ContainsKey(image.MediaType))
        {
            return $"{name} takes {Words(spec.ImageTypes)} images; this one is {Kind(image.MediaType)}.";
        }

        var gif = string.Equals(image.MediaType, "image/gif", StringComparison.OrdinalIgnoreCase);
        if ((gif ? spec.MaxGifBytes : spec.MaxImageBytes) is { } most && image.SizeBytes > most)
        {
            return $"{name} takes {(gif ? "animated GIFs" : "images")} up to {Size(most)}; this one is {Size(image.SizeBytes)}.";
        }

        if (spec.MaxImagePixels is { } pixels && image is { Width: { } width, Height: { } height } && (long)width * height > pixels)
        {
            return $"{name} takes images of fewer than {Count(pixels + 1)} pixels; this one is {Count(width)} by {Count(height)} ({Count((long)width * height)}).";
        }

        return null;
    }

    private static string? VideoProblem(PostMediaSpec spec, PostMedium video)
    {
        var name = spec.Platform.DisplayName();
        if (!spec.VideoTypes.ContainsKey(video.MediaType))
        {
            return $"{name} takes {Words(spec.VideoTypes)} videos; this one is {Kind(video.MediaType)}.";
        }

        if (video.SizeBytes > spec.MaxVideoBytes || video.SizeBytes < spec.MinVideoBytes)
        {
            return $"{name} takes videos of {Size(spec.MinVideoBytes)} to {Size(spec.MaxVideoBytes)}; this one is {Size(video.SizeBytes)}.";
        }

        if (video.DurationSeconds is { } seconds && (seconds < spec.MinVideoSeconds || seconds > spec.MaxVideoSeconds))
        {
            return $"{name} takes videos of {Duration(spec.MinVideoSeconds)} to {Duration(spec.MaxVideoSeconds)}; this one lasts {Duration(seconds)}.";
        }

        return null;
    }

    /// <summary>"an X post", "a LinkedIn post": the article by how the name sounds.</summary>
    private static string A(string name) => (name.Length == 1 && "AEFHILMNORSX".Contains(name[0], StringComparison.Ordinal)) || "AEIOU".Contains(name[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Words(IReadOnlyDictionary<string, string> types)
    {
        var names = types.Values.Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    /// <summary>A file type as people name it: "a WEBP image", "a WebM video"; never the raw MIME type alone when it can be helped.</summary>
    private static string Kind(string mediaType)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var sub = slash < 0 ? mediaType : mediaType[(slash + 1)..];
        var label = sub.ToUpperInvariant() switch
        {
            "QUICKTIME" => "MOV",
            "X-MATROSKA" => "MKV",
            "SVG+XML" => "SVG",
            var other => other.StartsWith("X-", StringComparison.Ordinal) ? other[2..] : other,
        };
        return $"{(label.Length > 0 && "AEIOFHLMNRSX".Contains(label[0], StringComparison.Ordinal) ? "an" : "a")} {label} file";
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1024L * Megabyte => $"{(bytes / (1024.0 * Megabyte)).ToString("0.#", CultureInfo.InvariantCulture)} GB",
        >= Megabyte => $"{(bytes / (double)Megabyte).ToString("0.#", CultureInfo.InvariantCulture)} MB",
        >= 1024 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        _ => $"{bytes} bytes",
    };

    private static string Duration(double seconds) => seconds switch
    {
        60 => "1 minute",
        >= 120 when seconds % 60 == 0 => $"{(seconds / 60).ToString("0", CultureInfo.InvariantCulture)} minutes",
        >= 60 => $"{Math.Floor(seconds / 60).ToString("0", CultureInfo.InvariantCulture)} min {Math.Floor(seconds % 60).ToString("0", CultureInfo.InvariantCulture)} s",
        1 => "1 second",
        _ => $"{seconds.ToString("0.#", CultureInfo.InvariantCulture)} seconds",
    };
}
