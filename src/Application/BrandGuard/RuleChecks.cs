using System.Globalization;
using System.Text.RegularExpressions;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// The checks made from the brand's rules alone, no documents read: banned words, misspelt names, prescribed hashtags
/// and the network's hashtag count. Every finding points at its words in the text and cites its rule's passage.
/// </summary>
public static partial class RuleChecks
{
    public static IEnumerable<FindingDto> Check(string text, SocialPlatform platform, IReadOnlyList<BrandRule> rules)
    {
        var skip = Skipped(text);
        var words = Word().Matches(text).ToList();
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            var findings = rule.Kind switch
            {
                BrandRuleKind.BannedWord => Banned(text, rule, skip),
                BrandRuleKind.Name => Misspelt(text, words, rule, skip),
                _ => [],
            };
            foreach (var finding in findings)
            {
                yield return finding;
            }
        }

        var tags = Hashtag().Matches(text).Select(m => m.Value).ToList();
        foreach (var rule in rules.Where(r => r.Enabled && r.Kind == BrandRuleKind.Hashtag))
        {
            if (!tags.Contains(rule.Term, StringComparer.OrdinalIgnoreCase))
            {
                var end = text.TrimEnd().Length;
                var separator = end == 0 ? "" : tags.Count > 0 && text[..end].EndsWith(tags[^1], StringComparison.Ordinal) ? " " : "\n\n";
                yield return new FindingDto(FindingKind.MissingHashtag, FindingSeverity.Medium, $"Every post carries {rule.Term}.", end, 0, "",
                    BrandRuleDto.Citation(rule), new FindingFixDto(end, text.Length - end, separator + rule.Term, $"Add {rule.Term}"), rule.Id, false);
            }
        }

        var limit = rules.Where(r => r.Enabled && r.Kind == BrandRuleKind.HashtagLimit && r.Platform == platform && r.Limit is not null)
            .OrderBy(r => r.Limit).FirstOrDefault();
        var distinct = tags.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (limit is not null && distinct > limit.Limit)
        {
            yield return new FindingDto(FindingKind.TooManyHashtags, FindingSeverity.Medium,
                $"{distinct} hashtags; the brand uses at most {limit.Limit} on {PlatformName(platform)}.", 0, 0, "", BrandRuleDto.Citation(limit), null,
                limit.Id, false);
        }
    }

    public static string PlatformName(SocialPlatform platform) => platform switch
    {
        SocialPlatform.GoogleBusiness => "Google Business Profile",
        SocialPlatform.LinkedIn => "LinkedIn",
        _ => platform.ToString(),
    };

    private static IEnumerable<FindingDto> Banned(string text, BrandRule rule, IReadOnlyList<(int Start, int End)> skip)
    {
        var single = !rule.Term.Contains(' ', StringComparison.Ordinal);
        var pattern = $@"(?<![\p{{L}}\p{{N}}#@]){Regex.Escape(rule.Term).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}{(single ? "(?:s|es|er|est|ly)?" : "")}(?![\p{{L}}\p{{N}}])";
        foreach (Match m in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)))
        {
            if (Inside(skip, m.Index))
            {
                continue;
            }

            var fix = rule.Suggestion is { } s && m.Length == rule.Term.Length
                ? new FindingFixDto(m.Index, m.Length, MatchCase(m.Value, s), $"Replace with \u201C{MatchCase(m.Value, s)}\u201D")
                : null;
            var instead = rule.Suggestion is null ? "" : $"; say \u201C{rule.Suggestion}\u201D instead";
            yield return new FindingDto(FindingKind.BannedWord, FindingSeverity.High, $"The brand never uses \u201C{rule.Term}\u201D{instead}.",
                m.Index, m.Length, m.Value, BrandRuleDto.Citation(rule), fix, rule.Id, false);
        }
    }

    /// <summary>Words that read like the name but are not spelt as it is: "Spoke and Sprocket", "Spoke & Sprockett", "spoke & sprocket".</summary>
    private static IEnumerable<FindingDto> Misspelt(string text, List<Match> words, BrandRule rule, IReadOnlyList<(int Start, int End)> skip)
    {
        var name = rule.Term;
        var nameWords = NameTokens(name);
        var n = nameWords.Count;
        if (n == 0)
        {
            yield break;
        }

        var canonical = Normalise(name);
        for (var i = 0; i + n <= words.Count; i++)
        {
            var start = words[i].Index;
            var end = words[i + n - 1].Index + words[i + n - 1].Length;
            if (Inside(skip, start) || text.AsSpan(start, end - start).Contains('\n'))
            {
                continue;
            }

            var candidate = text[start..end];
            if (candidate == name || NameTokens(candidate).Count != n)
            {
                continue;
            }

            // Most windows share neither the first letter nor the length of the name: skip them before measuring.
            if (char.ToLowerInvariant(candidate[0]) != char.ToLowerInvariant(name[0]) || Math.Abs(candidate.Length - name.Length) > 4)
            {
                continue;
            }

            var normalised = Normalise(candidate);
            var close = normalised == canonical
                ? !string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) || name.Contains('&') || char.IsUpper(candidate[0])
                : n == NameTokens(candidate).Count && Distance(normalised, canonical) <= Math.Max(1, canonical.Length / 8)
                    && char.ToLowerInvariant(normalised[0]) == char.ToLowerInvariant(canonical[0]) && char.IsUpper(candidate[0])
                    && !IsAnotherWord(candidate, name);
            if (close)
            {
                yield return new FindingDto(FindingKind.Name, FindingSeverity.Medium, $"The name is spelt \u201C{name}\u201D.", start, end - start,
                    candidate, BrandRuleDto.Citation(rule), new FindingFixDto(start, end - start, name, $"Write \u201C{name}\u201D"), rule.Id, false);
                i += n - 1;
            }
        }
    }

    // The name's possessive ("Spoke & Sprocket's") is still the name, and so is a one-word name's plural ("two Bromptons").
    private static bool IsAnotherWord(string candidate, string name) =>
        candidate.StartsWith(name, StringComparison.Ordinal)
        && (candidate[name.Length..] is "'s" or "’s" or "'" or "’" || (!name.Contains(' ', StringComparison.Ordinal) && candidate[name.Length..] is "s" or "es"));

    private static List<string> NameTokens(string text) =>
        Word().Matches(text).Select(m => m.Value).ToList();

    private static string Normalise(string text) =>
        string.Join(' ', NameTokens(text).Select(w => w == "&" ? "and" : w.ToLowerInvariant()));

    /// <summary>Hashtags, mentions and web addresses: a banned word or a name inside them is not the post's wording.</summary>
    public static IReadOnlyList<(int Start, int End)> Skipped(string text) =>
        SkippedSpanPattern().Matches(text).Select(m => (m.Index, m.Index + m.Length)).ToList();

    private static bool Inside(IReadOnlyList<(int Start, int End)> spans, int index) => spans.Any(s => index >= s.Start && index < s.End);

    private static string MatchCase(string found, string replacement) =>
        found.Length > 0 && char.IsUpper(found[0]) && replacement.Length > 0 && char.IsLower(replacement[0])
            ? char.ToUpper(replacement[0], CultureInfo.InvariantCulture) + replacement[1..]
            : replacement;

    /// <summary>Levenshtein distance, for names of a few words.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"(?<![\w&])#[\p{L}\p{N}_]+")]
    public static partial Regex Hashtag();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*|&")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<![\w&])[#@][\p{L}\p{N}_]+|https?://\S+|www\.\S+")]
    public static partial Regex SkippedSpanPattern();
}
