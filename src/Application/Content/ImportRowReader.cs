using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Content;

/// <summary>A brand file a CSV row may name, by its name or the name it was uploaded with.</summary>
public sealed record ImportMedia(Guid Id, Domain.Assets.AssetType Type);

/// <summary>
/// Reads one CSV row into a draft post with the composer's rules (the variant validator, the post's own rules, the
/// workspace's time zone), collecting every problem on its column instead of stopping at the first.
/// </summary>
public sealed partial class ImportRowReader(
    CsvTable table, IReadOnlyDictionary<string, int> columns, TimeZoneInfo zone, IReadOnlyDictionary<string, ImportMedia> media,
    ImportTarget target, Guid? companyId, Guid userId, DateTimeOffset now)
{
    private static readonly ContentVariantValidator VariantValidator = new();

    /// <summary>The outcome of one row: its draft when it has no problem, the problems, and which field held each network's text.</summary>
    public sealed record Result(ContentItem? Item, List<ImportRowErrorDto> Errors, Dictionary<SocialPlatform, string> TextFields);

    public string Value(CsvRow row, string field) => columns.TryGetValue(field, out var column) ? row.Cell(column).Trim() : "";

    /// <summary>The column's header in the file, or the field's name when no column is mapped to it.</summary>
    public string ColumnName(string field) =>
        columns.TryGetValue(field, out var column) ? table.Headers[column] : ImportFields.All.First(f => f.Key == field).Label;

    public ImportRowErrorDto Error(CsvRow row, string field, string message) => new(row.Number, ColumnName(field), field, message);

    /// <summary>A hash of the row's mapped values (trimmed, line breaks and Unicode normalised) and the brand: the same row gives the same key.</summary>
    public string Key(CsvRow row)
    {
        var canonical = new StringBuilder(companyId?.ToString() ?? "-");
        foreach (var field in columns.Keys.Order(StringComparer.Ordinal))
        {
            var value = Value(row, field).Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
            canonical.Append('\u001e').Append(field).Append('\u001f').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    public Result Read(CsvRow row, string key)
    {
        var errors = new List<ImportRowErrorDto>();
        var at = ReadTime(row, errors);
        var (platforms, textFields) = ReadNetworks(row, errors);
        var mediaIds = ReadMedia(row, errors);
        var variants = new List<ContentVariant>();
        foreach (var platform in platforms)
        {
            var field = textFields[platform];
            var dto = new ContentVariantDto(platform, Value(row, field), mediaIds);
            if (dto.Text.Length == 0)
            {
                errors.Add(Error(row, field, $"There is no text for {platform.DisplayName()}: write it, or take {platform.DisplayName()} off the networks."));
                continue;
            }

            errors.AddRange(VariantValidator.Validate(dto).Errors.Select(e => Error(row, field, e.ErrorMessage)));
            variants.Add(new ContentVariant(platform, dto.Text, mediaIds));
        }

        var title = Value(row, ImportFields.Title) is { Length: > 0 } given ? given : TitleFrom(variants);
        if (title.Length > ContentItem.MaxTitleLength)
        {
            errors.Add(Error(row, ImportFields.Title, $"A title has at most {ContentItem.MaxTitleLength} characters; this one has {title.Length:N0}."));
        }

        if (errors.Count > 0)
        {
            return new Result(null, errors, textFields);
        }

        try
        {
            return new Result(ContentItem.Import(companyId, title, variants, at, key, userId, now), errors, textFields);
        }
        catch (DomainRuleException e)
        {
            errors.Add(Error(row, FieldOf(e.Field, variants, textFields), e.Message));
            return new Result(null, errors, textFields);
        }
    }

    /// <summary>The import field a post's own field (<c>variants[1].text</c>) came from.</summary>
    public string FieldOf(string? postField, IReadOnlyList<ContentVariant> variants, IReadOnlyDictionary<SocialPlatform, string> textFields)
    {
        if (postField is null or "title")
        {
            return postField is null ? ImportFields.Text : ImportFields.Title;
        }

        if (postField == "at")
        {
            return ImportFields.Date;
        }

        var match = VariantField().Match(postField);
        if (!match.Success || int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= variants.Count)
        {
            return ImportFields.Networks;
        }

        var platform = variants[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Platform;
        return match.Groups[2].Value switch
        {
            "text" => textFields[platform],
            "mediaAssetIds" => ImportFields.Media,
            _ => columns.ContainsKey(ImportFields.Networks) ? ImportFields.Networks : textFields[platform],
        };
    }

    private DateTimeOffset? ReadTime(CsvRow row, List<ImportRowErrorDto> errors)
    {
        var date = Value(row, ImportFields.Date);
        var time = Value(row, ImportFields.Time);
        if (date.Length == 0)
        {
            if (target == ImportTarget.Schedule)
            {
                errors.Add(Error(row, ImportFields.Date, "Give the date to publish on, such as 2026-10-24."));
            }

            return null;
        }

        var field = time.Length > 0 ? ImportFields.Time : ImportFields.Date;
        if (time.Length > 0 && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out _))
        {
            errors.Add(Error(row, ImportFields.Date, $"\u201C{date}\u201D is not a date: write it as 2026-10-24."));
            return null;
        }

        if (time.Length == 0 && DateOnly.TryParseExact(date, "yyyy-MM-dd", out _))
        {
            errors.Add(Error(row, ImportFields.Date, $"Add the time of day: write {date} 09:00{(columns.ContainsKey(ImportFields.Time) ? ", or fill in the time column" : "")}."));
            return null;
        }

        var text = time.Length > 0 ? $"{date}T{(ShortHour().IsMatch(time) ? "0" + time : time)}" : date;
        try
        {
            return TenantTime.Parse(text, zone, field);
        }
        catch (InputValidationException e)
        {
            var reason = e.Errors.Values.First()[0];
            errors.Add(Error(row, field, reason.StartsWith("Write the time", StringComparison.Ordinal)
                ? time.Length > 0
                    ? $"\u201C{time}\u201D is not a time of day: write it as 09:00 or 17:30 (in {zone.Id})."
                    : $"\u201C{date}\u201D is not a date and time: write it as 2026-10-24 09:00 (in {zone.Id}), or with an offset."
                : reason));
            return null;
        }
    }

    private (List<SocialPlatform> Platforms, Dictionary<SocialPlatform, string> TextFields) ReadNetworks(CsvRow row, List<ImportRowErrorDto> errors)
    {
        var textFields = Enum.GetValues<SocialPlatform>().ToDictionary(p => p,
            p => columns.ContainsKey(ImportFields.TextFor(p)) && Value(row, ImportFields.TextFor(p)).Length > 0 ? ImportFields.TextFor(p) : ImportFields.Text);
        var platforms = new List<SocialPlatform>();
        var listed = Value(row, ImportFields.Networks);
        foreach (var name in Split(listed))
        {
            if (ImportFields.ParsePlatform(name) is not { } platform)
            {
                errors.Add(Error(row, ImportFields.Networks,
                    $"\u201C{name}\u201D is not a network this product posts to: use {string.Join(", ", Enum.GetValues<SocialPlatform>().Select(p => p.DisplayName()))}."));
            }
            else if (!platforms.Contains(platform))
            {
                platforms.Add(platform);
            }
        }

        if (listed.Length == 0)
        {
            // Without a list, the networks are those with a text of their own.
            platforms.AddRange(Enum.GetValues<SocialPlatform>().Where(p => textFields[p] != ImportFields.Text));
            if (platforms.Count == 0)
            {
                errors.Add(Error(row, ImportFields.Networks, "Name the networks to post on, such as LinkedIn, X."));
            }
        }

        return (platforms, textFields);
    }

    private List<Guid> ReadMedia(CsvRow row, List<ImportRowErrorDto> errors)
    {
        var ids = new List<Guid>();
        var cell = Value(row, ImportFields.Media);
        foreach (var name in media.ContainsKey(cell) ? [cell] : cell.Split(['|', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (media.TryGetValue(name, out var found))
            {
                ids.Add(found.Id);
            }
            else
            {
                errors.Add(Error(row, ImportFields.Media, Uri.TryCreate(name, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal)
                    ? $"Links are not fetched: upload \u201C{name}\u201D to your brand files, then write its file name here."
                    : $"No brand file is called \u201C{name}\u201D: upload it to your brand files, or correct the name."));
            }
        }

        return ids.Distinct().ToList();
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split([',', ';', '|', '/', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The first line of the first text, cut at a word before 80 characters.</summary>
    private static string TitleFrom(IReadOnlyList<ContentVariant> variants)
    {
        var first = variants.Select(v => v.Text.Split('\n')[0].Trim()).FirstOrDefault(t => t.Length > 0) ?? "Imported post";
        if (first.Length <= 80)
        {
            return first;
        }

        var cut = first[..80].LastIndexOf(' ');
        return (cut > 40 ? first[..cut] : first[..79]).TrimEnd(',', '.', ';', ':', ' ') + "\u2026";
    }

    [GeneratedRegex(@"^variants\[(\d+)\]\.(\w+)$")]
    private static partial Regex VariantField();

    [GeneratedRegex(@"^\d:\d\d$")]
    private static partial Regex ShortHour();
}
