using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BrandAutomator.Application.Assets;

/// <summary>Turns whatever name a client sent into one that is safe to store, show and offer for download.</summary>
public static partial class FileNames
{
    public const int MaxLength = 120;
    public const string Fallback = "file";

    // Extensions longer than this are not kept whole when a name is shortened: they are more likely part of the name.
    private const int MaxKeptExtensionLength = 16;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// The last path segment only, without control or format characters (bidirectional overrides can disguise an
    /// extension), characters Windows forbids, runs of dots, leading or trailing dots and spaces, or a device name;
    /// in NFC, at most <see cref="MaxLength"/> characters with its extension kept, and never empty.
    /// </summary>
    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        var cleaned = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsSurrogate(c))
            {
                // A lone half of a surrogate pair is not a character; Normalize would throw on it.
                if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                {
                    cleaned.Append(c).Append(name[++i]);
                }

                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned:
                    continue;
                case UnicodeCategory.SpaceSeparator:
                    cleaned.Append(' ');
                    continue;
            }

            cleaned.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        }

        var text = cleaned.ToString().Normalize(NormalizationForm.FormC);
        var segment = text.Split('/', '\\').Select(Tidy).LastOrDefault(s => s.Length > 0) ?? "";
        if (segment.Length == 0)
        {
            return Fallback;
        }

        var stem = segment.Split('.')[0];
        if (ReservedNames.Contains(stem.TrimEnd()))
        {
            segment = "_" + segment;
        }

        return Shorten(segment);
    }

    private static string Tidy(string segment)
    {
        var collapsed = Spaces().Replace(Dots().Replace(segment, "."), " ");
        return collapsed.Trim(' ', '.');
    }

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > MaxKeptExtensionLength)
        {
            extension = "";
        }

        var stem = TakeTextElements(name[..^extension.Length], MaxLength - extension.Length).TrimEnd(' ', '.');
        return stem.Length == 0 ? Fallback + extension : stem + extension;
    }

    // Cuts between whole characters as a reader sees them: never inside a surrogate pair or before a combining accent.
    private static string TakeTextElements(string text, int maxLength)
    {
        var result = new StringBuilder(maxLength);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (result.Length + element.Length > maxLength)
            {
                break;
            }

            result.Append(element);
        }

        return result.ToString();
    }

    [GeneratedRegex(@"\.{2,}")]
    private static partial Regex Dots();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    /// <summary>The name with the extension the content really has (a PNG called logo.jpg becomes logo.png).</summary>
    public static string WithExtension(string sanitizedName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(sanitizedName);
        return (stem.Length == 0 ? "file" : stem) + extension;
    }
}
