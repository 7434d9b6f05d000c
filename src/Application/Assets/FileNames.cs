using System.Text;

namespace BrandAutomator.Application.Assets;

/// <summary>Makes an uploaded file's name safe to show and store: no paths, no control characters, a sane length.</summary>
public static class FileNames
{
    private const int MaxLength = 120;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string Sanitize(string? name)
    {
        var value = (name ?? "").Normalize(NormalizationForm.FormC);
        // Only the last segment of a path counts, whichever separator the client's system uses.
        value = value.Split('/', '\\').LastOrDefault(s => s.Trim().Length > 0 && s.Trim() is not "." and not "..") ?? "";
        var kept = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                kept.Append(' ');
            }
            else if (c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))
            {
                kept.Append(c);
            }
        }

        var cleaned = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.');
        var stem = Path.GetFileNameWithoutExtension(cleaned);
        if (Reserved.Contains(stem))
        {
            cleaned = "_" + cleaned;
        }

        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length <= 10 ? extension : "";
            cleaned = cleaned[..(MaxLength - extension.Length)].TrimEnd(' ', '.') + extension;
        }

        return cleaned.Length == 0 ? "file" : cleaned;
    }

    /// <summary>The name with the extension the content really has (a PNG called logo.jpg becomes logo.png).</summary>
    public static string WithExtension(string sanitizedName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(sanitizedName);
        return (stem.Length == 0 ? "file" : stem) + extension;
    }
}
