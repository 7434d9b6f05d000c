namespace BrandAutomator.Domain.Social;

/// <summary>
/// Handle ideas built from the brand's name: joined, separated where the network allows, with common suffixes
/// ("hq", "official") and, when the name has no Latin letters or digits, a neutral base. Every suggestion passes the
/// network's <see cref="HandleRule"/>; whether it is still free only the network can say.
/// </summary>
public static class HandleSuggestions
{
    public const int Count = 5;

    private static readonly string[] Suffixes = ["hq", "official", "team", "app", "co", "online", "studio", "global"];
    private static readonly string[] Prefixes = ["get", "the", "try", "hello", "meet"];

    /// <param name="variant">0 for the first kit; a regeneration passes 1, 2, ... for other ideas.</param>
    public static IReadOnlyList<string> Suggest(HandleRule? rule, string name, string? industry, Guid companyId, int variant = 0)
    {
        if (rule is null)
        {
            return [];
        }

        var words = ProfileText.AsciiWords(name).ToList();
        if (words.Count == 0)
        {
            // A name in another script, or all emoji: a neutral base the user will rename, stable per company.
            words = ["brand", ((uint)companyId.GetHashCode() % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)];
        }

        var industryWords = ProfileText.AsciiWords(industry);
        var industryWord = industryWords.Count > 0 ? industryWords[0] : null;
        var joined = string.Concat(words);
        var initials = string.Concat(words.Select(w => w[0]));
        var separator = rule.AllowsUnderscore ? "_" : rule.AllowsDot ? "." : rule.AllowsHyphen ? "-" : "";
        var candidates = new List<string> { joined };
        if (separator.Length > 0 && words.Count > 1)
        {
            candidates.Add(string.Join(separator, words));
        }

        var rotated = Suffixes.Skip(variant * 2 % Suffixes.Length).Concat(Suffixes.Take(variant * 2 % Suffixes.Length)).ToList();
        foreach (var suffix in rotated.Take(3))
        {
            candidates.Add(joined + suffix);
            if (separator.Length > 0)
            {
                candidates.Add(joined + separator + suffix);
            }
        }

        candidates.Add(Prefixes[variant % Prefixes.Length] + joined);
        if (industryWord is not null && !joined.Contains(industryWord, StringComparison.Ordinal))
        {
            candidates.Add(joined + industryWord);
        }

        candidates.Add(initials + rotated[0]);
        if (variant > 0)
        {
            // Later variants lead with the new ideas.
            candidates = candidates.Skip(2).Concat(candidates.Take(2)).ToList();
        }

        var result = new List<string>();
        foreach (var candidate in candidates)
        {
            var handle = Shape(candidate, rule);
            if (handle is not null && rule.IsValid(handle) && !result.Contains(handle, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(handle);
            }

            if (result.Count == Count)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>The candidate cut to the maximum (never ending on a separator) and padded to the minimum.</summary>
    private static string? Shape(string candidate, HandleRule rule)
    {
        var handle = rule.LowerCase ? candidate.ToLowerInvariant() : candidate;
        if (handle.Length > rule.MaxLength)
        {
            handle = handle[..rule.MaxLength];
        }

        handle = handle.Trim('.', '-', '_');
        if (handle.Length == 0)
        {
            return null;
        }

        while (handle.Length < rule.MinLength)
        {
            handle += "hq";
        }

        return handle.Length > rule.MaxLength ? handle[..rule.MaxLength] : handle;
    }
}
