using System.Globalization;
using System.Text.RegularExpressions;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>A rule read from a passage, before it is stored.</summary>
public sealed record ExtractedRule(BrandRuleKind Kind, string Term, string? Suggestion, SocialPlatform? Platform, int? Limit, RuleSource Source)
{
    public string Key => BrandRule.KeyOf(Kind, Term, Platform);
}

/// <summary>
/// Reads the brand's rules from its documents, deterministically, by how guidelines are written: lists under a heading or
/// lead-in that says "avoid", "never use", "banned"; "say X instead"; "write X, not Y"; hashtags that "every post"
/// carries; "at most N hashtags on network"; the "tone of voice" section; proper names (two or more capitalised words)
/// and the company's own name as they are spelt.
/// </summary>
public static partial class RuleExtraction
{
    private const int MaxNames = 300;

    public static IReadOnlyList<ExtractedRule> Extract(IReadOnlyList<RulePassage> passages, IReadOnlyList<string> companyNames)
    {
        var rules = new Dictionary<string, ExtractedRule>();
        void Add(ExtractedRule rule) => rules.TryAdd(rule.Key, rule);

        var nameCounts = new Dictionary<string, (int Count, RuleSource Source)>(StringComparer.Ordinal);
        foreach (var p in passages)
        {
            var lines = p.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var section = (p.Heading ?? "").Split('›').Last();
            var avoidSection = Avoid().IsMatch(section) || lines.Take(3).Any(l => !Bullet().IsMatch(l) && Avoid().IsMatch(l));
            foreach (var line in lines)
            {
                var source = new RuleSource(p.AssetId, p.AssetName, p.ChunkId, p.Page, Clean(line));
                if (avoidSection && Bullet().Match(line) is { Success: true } bullet)
                {
                    BannedFromBullet(bullet.Groups[1].Value, source, Add);
                }

                foreach (Match m in NeverUse().Matches(line))
                {
                    foreach (Match q in Quoted().Matches(m.Groups[1].Value))
                    {
                        AddBanned(q.Groups[1].Value, null, source, Add);
                    }
                }

                foreach (Match m in WriteNot().Matches(line))
                {
                    var right = m.Groups[1].Value.Trim();
                    Add(char.IsUpper(right[0])
                        ? new ExtractedRule(BrandRuleKind.Name, right, null, null, null, source)
                        : new ExtractedRule(BrandRuleKind.BannedWord, m.Groups[2].Value.Trim(), right, null, null, source));
                }

                Hashtags(line, source, Add);
                if (!line.StartsWith('#') && !line.StartsWith('|'))
                {
                    CountNames(line, source, nameCounts);
                }
            }

            if (ToneHeading().IsMatch(section) && p.Text.Length > 40)
            {
                var text = Clean(p.Text);
                Add(new ExtractedRule(BrandRuleKind.Tone, text.Length > BrandRule.MaxToneLength ? text[..BrandRule.MaxToneLength] : text, null, null, null,
                    new RuleSource(p.AssetId, p.AssetName, p.ChunkId, p.Page, Clean(Sentences(p.Text).FirstOrDefault() ?? text))));
            }
        }

        // "About Spoke & Sprocket" opening a title is "Spoke & Sprocket" seen at a sentence start: keep the shorter name.
        foreach (var longer in nameCounts.Keys.Where(n => nameCounts.Keys.Any(m => m.Length < n.Length && n.EndsWith(" " + m, StringComparison.Ordinal))).ToList())
        {
            nameCounts.Remove(longer);
        }

        var companyNameSet = companyNames.Where(n => n.Trim().Length >= 3).Select(n => n.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, (count, source)) in nameCounts.OrderByDescending(n => n.Value.Count).ThenBy(n => n.Key, StringComparer.Ordinal).Take(MaxNames))
        {
            if (!companyNameSet.Contains(name))
            {
                Add(new ExtractedRule(BrandRuleKind.Name, name, null, null, null, source));
            }
        }

        foreach (var name in companyNameSet)
        {
            var cited = nameCounts.TryGetValue(name, out var found) ? found.Source : null;
            if (cited is not null)
            {
                Add(new ExtractedRule(BrandRuleKind.Name, name, null, null, null, cited));
            }
        }

        return rules.Values.ToList();
    }

    /// <summary>Names seen in a line: runs of two or more capitalised words (with "&amp;", "of", "and" inside), not opening a sentence.</summary>
    private static void CountNames(string line, RuleSource source, Dictionary<string, (int Count, RuleSource Source)> counts)
    {
        foreach (var sentence in Sentences(line))
        {
            foreach (Match m in ProperName().Matches(sentence))
            {
                var name = m.Value.Trim();
                var atStart = m.Index == 0 || sentence[..m.Index].TrimEnd().Length == 0 || sentence[..m.Index].TrimEnd().EndsWith('-');
                // A sentence opens with a capital anyway: "Today the cooperative" is not a name, "Spoke & Sprocket was" is.
                if (atStart && !name.Contains('&'))
                {
                    var rest = name.Split(' ', 2);
                    if (rest.Length < 2 || !ProperName().IsMatch(rest[1]) || ProperName().Match(rest[1]).Value.Trim() != rest[1])
                    {
                        continue;
                    }

                    name = rest[1];
                }

                if (name.Split(' ').Count(w => w.Length > 0 && char.IsUpper(w[0])) >= 2)
                {
                    counts[name] = counts.TryGetValue(name, out var c) ? (c.Count + 1, c.Source) : (1, source with { Snippet = Clean(sentence) });
                }
            }
        }
    }

    private static void BannedFromBullet(string item, RuleSource source, Action<ExtractedRule> add)
    {
        var quoted = Quoted().Matches(item);
        string term;
        string? suggestion = null;
        if (quoted.Count > 0)
        {
            term = quoted[0].Groups[1].Value;
            var rest = item[(quoted[0].Index + quoted[0].Length)..];
            if (Instead().Match(rest) is { Success: true } m && Quoted().Match(m.Groups[1].Value) is { Success: true } s)
            {
                suggestion = s.Groups[1].Value;
            }
        }
        else
        {
            term = item.Split(['(', ':', ';', '–', '—'], 2)[0].Split(" - ", 2)[0].Trim().TrimEnd('.', ',');
            if (term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4)
            {
                return;
            }
        }

        AddBanned(term, suggestion, source, add);
    }

    private static void AddBanned(string term, string? suggestion, RuleSource source, Action<ExtractedRule> add)
    {
        term = term.Trim().Trim('*', '_', '.', ',');
        if (term.Length is >= 2 and <= BrandRule.MaxTermLength && !term.StartsWith('#'))
        {
            add(new ExtractedRule(BrandRuleKind.BannedWord, term, suggestion?.Trim(), null, null, source));
        }
    }

    private static void Hashtags(string line, RuleSource source, Action<ExtractedRule> add)
    {
        foreach (var sentence in Sentences(line))
        {
            if (EveryPost().IsMatch(sentence) && !Conditional().IsMatch(sentence))
            {
                foreach (Match tag in Hashtag().Matches(sentence))
                {
                    add(new ExtractedRule(BrandRuleKind.Hashtag, tag.Value, null, null, null, source with { Snippet = Clean(sentence) }));
                }
            }

            if (!sentence.Contains("hashtag", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (Match limit in AtMost().Matches(sentence))
            {
                var number = NumberWord(limit.Groups[1].Value);
                foreach (var platform in Platforms(limit.Groups[2].Value))
                {
                    if (number is not null)
                    {
                        add(new ExtractedRule(BrandRuleKind.HashtagLimit, $"At most {number} hashtags", null, platform, number,
                            source with { Snippet = Clean(sentence) }));
                    }
                }
            }
        }
    }

    private static IEnumerable<SocialPlatform> Platforms(string text)
    {
        foreach (Match m in Network().Matches(text))
        {
            yield return m.Value.ToLowerInvariant() switch
            {
                "instagram" => SocialPlatform.Instagram,
                "facebook" => SocialPlatform.Facebook,
                "linkedin" => SocialPlatform.LinkedIn,
                "google business" or "google business profile" => SocialPlatform.GoogleBusiness,
                _ => SocialPlatform.X,
            };
        }
    }

    private static int? NumberWord(string word) => word.ToLowerInvariant() switch
    {
        "zero" or "no" => 0, "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8,
        "nine" => 9, "ten" => 10,
        var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 30 ? n : null,
    };

    public static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string Clean(string text) => Spaces().Replace(text.Replace("**", "", StringComparison.Ordinal).TrimStart('-', '*', '•', ' '), " ").Trim();

    [GeneratedRegex(@"\b(avoid|never (use|say|write)|do not (use|say|write)|don't (use|say|write)|banned|forbidden|not allowed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Avoid();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d+[.)])\s+(.+)$")]
    private static partial Regex Bullet();

    [GeneratedRegex("[\"“”‘’']([^\"“”‘’']{2,60})[\"“”‘’']")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:say|use|write|prefer|try|instead)\b(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Instead();

    [GeneratedRegex(@"\b(?:never|do not|don't)\s+(?:use|say|write)\s+((?:[""“][^""”]{2,60}[""”](?:\s*,\s*|\s+or\s+|\s+and\s+)?)+)", RegexOptions.IgnoreCase)]
    private static partial Regex NeverUse();

    [GeneratedRegex(@"\b(?:write|spell(?: it)?)\s+[""“]([^""”]{2,60})[""”],?\s+(?:not|never)\s+[""“]([^""”]{2,60})[""”]", RegexOptions.IgnoreCase)]
    private static partial Regex WriteNot();

    [GeneratedRegex(@"\b(every|each|all|always)\b[^.]*\b(posts?|carr(y|ies)|includes?|hashtags?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EveryPost();

    [GeneratedRegex(@"\b(posts? about|when|if|for posts)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Conditional();

    [GeneratedRegex(@"(?<![\w&])#[\p{L}\p{N}_]{2,60}")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"\b(?:at most|no more than|up to|maximum of)\s+(\w+)\b(?:\s+hashtags?)?((?:\s*(?:on|,|and|or)\s*(?:Instagram|Facebook|LinkedIn|X|Twitter|Google Business(?: Profile)?))+)", RegexOptions.IgnoreCase)]
    private static partial Regex AtMost();

    [GeneratedRegex(@"\b(Instagram|Facebook|LinkedIn|Twitter|Google Business(?: Profile)?|X)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Network();

    [GeneratedRegex(@"\b(tone|voice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToneHeading();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{Lu}'’-]+(?![\p{L}\p{N}])(?:\s+(?:(?:&|and|of|the)\s+)?\p{Lu}[\p{Ll}\p{Lu}'’-]+(?![\p{L}\p{N}]))+")]
    private static partial Regex ProperName();

    [GeneratedRegex(@"(?<=[.!?:])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
