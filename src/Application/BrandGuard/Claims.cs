using System.Globalization;
using System.Text.RegularExpressions;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>What a number in a post stands for: a claim is checked against numbers of the same kind only.</summary>
public enum ClaimKind
{
    Money,
    Percent,
    Time,
    Year,
    Count,
    Award,
}

/// <summary>
/// A factual claim in a post: a price, percentage, time, year, count or an award/certification, where it is in the
/// text, and the words around it that say what it is about ("full service", "members", "labour").
/// </summary>
public sealed record Claim(ClaimKind Kind, decimal Value, int Start, int Length, string Text, IReadOnlyList<string> Terms);

/// <summary>Finds claims (in posts and in documents) and the content words that say what a claim is about.</summary>
public static partial class Claims
{
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "day", "days", "hour", "hours", "hr", "hrs", "minute", "minutes", "mins", "week", "weeks", "month", "months", "year", "years",
        "km", "miles", "mile", "mph", "kg", "w", "watts", "litres", "people", "members", "customers", "stores", "shops", "branches",
        "stands", "places", "seats", "staff", "employees", "per", "times",
    };

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "our", "your", "you", "are", "was", "were", "has", "have", "had", "that", "this", "these", "those",
        "from", "into", "onto", "than", "then", "them", "they", "their", "there", "here", "what", "when", "which", "who", "whom", "will",
        "would", "can", "could", "should", "just", "only", "now", "new", "get", "got", "gets", "all", "any", "each", "every", "more",
        "most", "less", "per", "off", "out", "over", "under", "about", "after", "before", "since", "until", "also", "too", "very", "its",
        "it's", "not", "but", "yes", "via", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "plus", "price",
        "prices", "cost", "costs", "pay", "just", "today", "week", "month", "year", "years", "day", "days", "hour", "hours", "come", "book",
        "still", "ever", "many", "much", "some", "been", "being", "does", "did", "done", "how", "why", "where", "while", "because", "let",
        "lets", "let's", "see", "look", "need", "want", "make", "made", "take", "give", "know", "great", "best", "good", "love", "free",
        "included", "include", "includes", "including", "inc", "vat", "each", "way", "well", "back", "first", "last", "next", "both",
        "same", "start", "starts", "from", "costs", "priced", "only", "special", "offer", "deal", "value", "save", "week's", "we've", "we're",
    };

    /// <summary>The claims of a text, in order; hashtags, mentions, web addresses and small list numbers ("3 tips") left out.</summary>
    public static IReadOnlyList<Claim> In(string text)
    {
        var skip = RuleChecks.Skipped(text);
        var claims = new List<Claim>();
        var taken = new List<(int Start, int End)>();
        foreach (Match m in Number().Matches(text))
        {
            if (skip.Any(s => m.Index >= s.Start && m.Index < s.End))
            {
                continue;
            }

            var claim = Classify(text, m);
            if (claim is not null)
            {
                claims.Add(claim);
                taken.Add((m.Index, m.Index + m.Length));
            }
        }

        var awardSentences = new HashSet<int>();
        foreach (Match m in Award().Matches(text))
        {
            if (!skip.Any(s => m.Index >= s.Start && m.Index < s.End) && awardSentences.Add(Around(text, m.Index, m.Length, SentenceEnds).Start))
            {
                claims.Add(new Claim(ClaimKind.Award, 0, m.Index, m.Length, m.Value, TermsAround(text, m.Index, m.Length, 8)));
            }
        }

        return claims.OrderBy(c => c.Start).ToList();
    }

    private static Claim? Classify(string text, Match m)
    {
        var raw = m.Value;
        var terms = TermsAround(text, m.Index, m.Length, 6);
        if (m.Groups["currency"].Success)
        {
            var value = Parse(m.Groups["amount"].Value);
            return new Claim(ClaimKind.Money, value, m.Index, m.Length, raw, terms);
        }

        if (m.Groups["percent"].Success)
        {
            return new Claim(ClaimKind.Percent, Parse(m.Groups["pvalue"].Value), m.Index, m.Length, raw, terms);
        }

        if (m.Groups["time"].Success)
        {
            var hm = raw.Split(':');
            return new Claim(ClaimKind.Time, int.Parse(hm[0], CultureInfo.InvariantCulture) * 60 + int.Parse(hm[1], CultureInfo.InvariantCulture),
                m.Index, m.Length, raw, terms);
        }

        var number = Parse(m.Groups["count"].Value);
        if (m.Groups["count"].Value.Length == 4 && number is >= 1900 and <= 2100 && !m.Groups["count"].Value.Contains(','))
        {
            return new Claim(ClaimKind.Year, number, m.Index, m.Length, raw, terms);
        }

        var next = NextWord().Match(text, m.Index + m.Length);
        var unit = next.Success && Units.Contains(next.Groups[1].Value);
        return number >= 10 || unit
            ? new Claim(ClaimKind.Count, number, m.Index, m.Length, raw, terms)
            : null;
    }

    /// <summary>The content words of the clause around a span, stemmed, nearest first: what the number is about.</summary>
    public static IReadOnlyList<string> TermsAround(string text, int start, int length, int window)
    {
        // The words about a figure stop at the next figure: in "repair is £14 and gift cards at £50", £50 is about gift cards.
        var previousFigure = start == 0 ? -1 : text.LastIndexOfAny(Digits, start - 1);
        var nextFigure = text.IndexOfAny(Digits, start + length);
        var (clauseStart, clauseEnd) = Around(text, start, length, ClauseEnds);
        var (sentenceStart, _) = Around(text, start, length, SentenceEnds);
        var from = Math.Max(clauseStart, previousFigure + 1);
        var to = nextFigure < 0 ? clauseEnd : Math.Min(clauseEnd, nextFigure);
        var before = Words(text[from..start]).Reverse().ToList();
        if (before.Count < 2)
        {
            // "Cheap full service, now £95 at ...": the clause of the figure says too little; its sentence says what.
            before = Words(text[Math.Max(sentenceStart, previousFigure + 1)..start]).Reverse().ToList();
        }

        return before.Take(window).Concat(Words(text[Math.Min(start + length, to)..Math.Max(to, Math.Min(start + length, to))]).Take(window / 2 + 1))
            .Distinct().ToList();
    }

    private static readonly char[] Digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

    private static (int Start, int End) Around(string text, int start, int length, char[] ends)
    {
        var before = start == 0 ? -1 : text.LastIndexOfAny(ends, start - 1);
        var after = text.IndexOfAny(ends, start + length);
        return (before + 1, after < 0 ? text.Length : after);
    }

    /// <summary>The stemmed content words of a text.</summary>
    public static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3 && !Stop.Contains(w)).Select(Stem);

    /// <summary>A light stem, enough to match "bikes" with "bike" and "repaired" with "repair".</summary>
    public static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        foreach (var suffix in new[] { "ing", "ed", "s" })
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static decimal Parse(string digits) =>
        decimal.Parse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static readonly char[] ClauseEnds = ['.', '!', '?', ';', ',', '\n', '|', '(', ')'];

    private static readonly char[] SentenceEnds = ['.', '!', '?', '\n', '|'];

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,:])(?:(?<currency>[£$€])\s?(?<amount>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?(?![\p{N}])|(?<pvalue>\d+(?:\.\d+)?)\s?(?<percent>%|per\s?cent)|(?<time>\d{1,2}:\d{2})(?![\p{N}])|(?<count>\d{1,3}(?:,\d{3})+|\d+)(?![\p{L}\p{N}:]|[.,]\d))")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(award[- ]winning|awarded|award|winners? of|certified|accredited|certification|accreditation|B Corp|ISO\s?\d{4,5}|Fairtrade)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Award();

    [GeneratedRegex(@"\G\s*([\p{L}]+)")]
    private static partial Regex NextWord();

    [GeneratedRegex(@"[\p{L}][\p{L}'’]*")]
    private static partial Regex WordPattern();
}
