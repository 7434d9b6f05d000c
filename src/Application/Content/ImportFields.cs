using System.Globalization;
using System.Text;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Content;

/// <summary>A field a CSV column can fill, with the words users say for it.</summary>
public sealed record ImportFieldDto(string Key, string Label, string Description, bool Required);

/// <summary>
/// The post fields a CSV column can be mapped to, and the guess of which column is which from the header's words.
/// Keys: <c>date</c>, <c>time</c>, <c>networks</c>, <c>text</c>, <c>text.linkedIn</c> (one per network), <c>media</c>, <c>title</c>.
/// </summary>
public static class ImportFields
{
    public const string Date = "date";
    public const string Time = "time";
    public const string Networks = "networks";
    public const string Text = "text";
    public const string Media = "media";
    public const string Title = "title";

    public static string TextFor(SocialPlatform platform) => "text." + JsonName(platform);

    public static readonly IReadOnlyList<ImportFieldDto> All =
    [
        new(Date, "Date", "The day to publish (2026-10-24), or the day and time (2026-10-24 09:00), in the workspace's time zone.", true),
        new(Time, "Time", "The time of day (09:00), when the date column holds only the day.", false),
        new(Networks, "Networks", "The networks to post on, separated by commas (LinkedIn, X, Facebook, Instagram, Google Business Profile).", false),
        new(Text, "Text", "The post's text, used on every network without a text of its own.", false),
        .. Enum.GetValues<SocialPlatform>().Select(p => new ImportFieldDto(
            TextFor(p), $"{p.DisplayName()} text", $"The text for {p.DisplayName()} only; a row with it is posted there even without a networks column.", false)),
        new(Media, "Media", "File names of your brand files (images, videos), separated by |.", false),
        new(Title, "Title", "The post's name in the calendar; without it the first words of the text.", false),
    ];

    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        [Date] = ["date", "day", "publishdate", "postdate", "scheduledate", "datetime", "publishat", "scheduledat", "scheduled", "when", "publishon"],
        [Time] = ["time", "hour", "publishtime", "posttime", "scheduletime"],
        [Networks] = ["networks", "network", "platforms", "platform", "channels", "channel", "socialnetworks", "profiles", "socialnetwork"],
        [Text] = ["text", "message", "content", "post", "body", "caption", "copy", "posttext"],
        [Media] = ["media", "image", "images", "files", "file", "asset", "assets", "attachments", "attachment", "photo", "photos", "video", "mediafiles", "imagename"],
        [Title] = ["title", "name", "subject", "headline", "postname"],
    };

    /// <summary>The column each field most likely is, by the header's words; a column is used for one field at most.</summary>
    public static Dictionary<string, string> Guess(IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<string, string>();
        var normalised = headers.Select(Normalise).ToList();
        foreach (var platform in Enum.GetValues<SocialPlatform>())
        {
            var names = PlatformWords(platform);
            var index = normalised.FindIndex(h => names.Any(n => h == n || h == n + "text" || h == "text" + n || h == n + "message" || h == n + "post" || h == n + "copy"));
            if (index >= 0)
            {
                mapping[TextFor(platform)] = headers[index];
            }
        }

        foreach (var (field, words) in Synonyms)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (words.Contains(normalised[i]) && !mapping.ContainsValue(headers[i]))
                {
                    mapping[field] = headers[i];
                    break;
                }
            }
        }

        return mapping;
    }

    /// <summary>Checks a mapping as sent: known fields, columns the file has, each column for one field, and a date and a text.</summary>
    public static Dictionary<string, int> Resolve(IReadOnlyDictionary<string, string>? mapping, CsvTable table)
    {
        var given = mapping is { Count: > 0 } ? mapping : Guess(table.Headers);
        var known = All.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        var columns = new Dictionary<string, int>();
        foreach (var (field, header) in given)
        {
            if (string.IsNullOrWhiteSpace(header))
            {
                continue;
            }

            var column = table.ColumnOf(header);
            if (!known.Contains(field))
            {
                errors[$"mapping.{field}"] = ["This is not a field of a post: choose date, time, networks, text, a network's text, media or title."];
            }
            else if (column < 0)
            {
                errors[$"mapping.{field}"] = [$"The file has no column \u201C{header}\u201D."];
            }
            else if (columns.FirstOrDefault(c => c.Value == column).Key is { } other)
            {
                errors[$"mapping.{field}"] = [$"The column \u201C{header}\u201D is already used for {Label(other)}."];
            }
            else
            {
                columns[field] = column;
            }
        }

        if (!columns.ContainsKey(Date) && !errors.ContainsKey($"mapping.{Date}"))
        {
            errors[$"mapping.{Date}"] = ["Choose the column with the date to publish."];
        }

        if (!columns.Keys.Any(k => k.StartsWith(Text, StringComparison.Ordinal)) && !errors.Keys.Any(k => k.StartsWith($"mapping.{Text}", StringComparison.Ordinal)))
        {
            errors[$"mapping.{Text}"] = ["Choose the column with the post's text (or a column per network)."];
        }

        return errors.Count > 0 ? throw new InputValidationException(errors) : columns;
    }

    public static string Label(string field) => All.FirstOrDefault(f => f.Key == field)?.Label.ToLowerInvariant() ?? field;

    /// <summary>A network as people write it: its name, in any case, with or without spaces (Twitter is X).</summary>
    public static SocialPlatform? ParsePlatform(string value)
    {
        var name = Normalise(value);
        return Enum.GetValues<SocialPlatform>().Where(p => PlatformWords(p).Contains(name)).Select(p => (SocialPlatform?)p).FirstOrDefault();
    }

    private static string[] PlatformWords(SocialPlatform platform) => platform switch
    {
        SocialPlatform.X => ["x", "twitter", "xtwitter", "twitterx"],
        SocialPlatform.GoogleBusiness => ["googlebusiness", "googlebusinessprofile", "gbp", "googlemybusiness", "google"],
        SocialPlatform.LinkedIn => ["linkedin", "linkedinpage"],
        SocialPlatform.Facebook => ["facebook", "fb", "facebookpage"],
        SocialPlatform.Instagram => ["instagram", "ig", "insta"],
        _ => [Normalise(platform.ToString())],
    };

    private static string JsonName(SocialPlatform platform) => JsonNamingLower(platform.ToString());

    private static string JsonNamingLower(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Lower case letters and digits only: "Publish date" and "publish_date" are the same header.</summary>
    public static string Normalise(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
