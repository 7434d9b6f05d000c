using System.Text.RegularExpressions;

namespace BrandAutomator.Application.Assets;

/// <summary>A kind of fact a question asks for that documents often lack (a budget, a follower count), and the words that cover it.</summary>
/// <param name="Name">What is asked for, in words.</param>
/// <param name="Asked">Matches the question when it asks for this.</param>
/// <param name="Covered">Matches a passage that speaks of it.</param>
public sealed record AskedFact(string Name, Regex Asked, Regex Covered);

/// <summary>
/// Whether found passages can answer a question at all, beyond being about the same subject. Sentence embeddings place
/// "our TikTok follower count" next to a social media policy that names Instagram, and "the marketing budget for 2026"
/// next to a 2026 price list: close in meaning, yet neither passage holds the answer. Two signs tell, whatever the company:
/// <list type="bullet">
/// <item>the question names something (a proper name written with capitals, a brand in mixed case, an acronym, a year)
/// that none of the company's passages mentions: no document speaks of it, so none can answer;</item>
/// <item>the question asks for a kind of fact documents often lack (a budget, revenue, profit, followers, salaries,
/// head count, funding, market share, a conversion or engagement rate, the insurer, the accountant or lawyer, a
/// measurement) and no found
/// passage speaks of that kind of fact
/// in any of its usual words.</item>
/// </list>
/// A paraphrase in everyday words ("emissions per boat" for "carbon footprint per kayak") trips neither.
/// </summary>
public static partial class Answerability
{
    private static readonly AskedFact[] Facts =
    [
        Fact("budget", @"budget\w*|(?:ad|marketing|advertising|media) spend|how much (?:do|did|will|should) we spend|spent on", @"budget\w*|spend\w*|spent|allocat\w*"),
        Fact("revenue", @"revenue\w*|turnover|(?:annual|yearly|monthly|total) (?:sales|income)|sales figures", @"revenue\w*|turnover|sales|income|takings"),
        Fact("profit", @"profit\w*|(?:gross|net|profit|operating) margin\w*|ebitda|earnings", @"profit\w*|margin\w*|ebitda|earnings|surplus"),
        Fact("followers", @"followers?|subscribers?|follow(?:s|ing)? us|fan base|audience size", @"followers?|subscribers?|follow(?:s|ing)? us|fans|audience of \d"),
        // "Paid" alone covers nothing: a deposit is paid too.
        Fact("pay", @"salar\w+|wages?|payroll|how much (?:do|does|are|is) (?:\w+ ){1,3}(?:earn\w*|(?:get )?paid)|hourly rate|rate of pay",
            @"salar\w+|wages?|payroll|pay (?:scale|rate|band)s?|hourly rate|rate of pay|(?:earn\w*|paid) (?:\S+ ){0,3}(?:an|per|a) (?:hour|month|year)"),
        Fact("insurance", @"insur\w+|underwrit\w+", @"insur\w+|underwrit\w+|liability cover"),
        Fact("advisers", @"accountants?|auditors?|lawyers?|solicitors?|law firm|legal advis\w+", @"accountan\w+|audit\w*|lawyers?|solicitors?|law firm|legal"),
        Fact("head count", @"head ?count|how many (?:employees|staff|people work|people do we employ|workers)", @"employ\w*|staff|head ?count|team of \d|\d+ (?:people|members|workers)"),
        Fact("funding", @"funding|investors?|valuation|raised? (?:money|capital)|venture capital", @"fund\w*|invest\w*|valuation|capital|loan|grant"),
        Fact("market share", @"market share|share of the market", @"market share|share of the market|% of the market"),
        Fact("rate", @"(?:conversion|open|click[- ]through|engagement|bounce|churn|retention) rates?|\bctr\b|\broi\b|return on investment",
            @"conversion|open rate|click|engagement|bounce|churn|retention|\bctr\b|\broi\b|return on investment"),
        // A length, height, weight or distance is a measurement: a passage that gives none (an age, a price) cannot answer.
        Fact("measurement", @"\b(?:length|height|width|depth|weight|distance|how (?:tall|heavy|far|wide|deep|high))\b",
            @"\d[\d.,]*\s?(?:mm|cm|m|km|kg|g|lbs?|inch(?:es)?|ft|feet|foot|metres?|meters?|kilomet(?:re|er)s?|centimet(?:re|er)s?|miles?|kilos?|kilograms?|grams?|pounds?)"),
        Fact("leave", @"(?:parental|maternity|paternity|sick|annual) leave|holiday entitlement", @"parental|maternity|paternity|sick|leave|holiday"),
    ];

    /// <summary>The kinds of fact the question asks for that its passages must speak of.</summary>
    public static IReadOnlyList<AskedFact> AskedFacts(string question) => [.. Facts.Where(f => f.Asked.IsMatch(question))];

    /// <summary>The first asked-for kind of fact that none of the passages speaks of; null when all are covered (or none is asked).</summary>
    public static AskedFact? Uncovered(string question, IEnumerable<string> passages)
    {
        var texts = passages.ToList();
        return AskedFacts(question).FirstOrDefault(f => !texts.Any(t => f.Covered.IsMatch(t)));
    }

    /// <summary>
    /// The names in the question, lower case: words written with a capital that do not start a sentence (Christmas, Etsy),
    /// words with a capital inside (TikTok, YouTube, iPhone), acronyms (SEO) and years (2019). A question written all in
    /// capitals or in title case has no telling capitals and gives only its years and inner-capital words.
    /// </summary>
    public static IReadOnlyList<string> Names(string question)
    {
        var words = Word().Matches(question).ToList();
        var letters = words.Where(w => char.IsLetter(w.Value[0])).ToList();
        var capitalised = letters.Count(w => char.IsUpper(w.Value[0]));
        var telling = letters.Count >= 3 && capitalised * 2 <= letters.Count;
        var names = new List<string>();
        foreach (var word in words)
        {
            var value = word.Value;
            var startsSentence = SentenceStart().IsMatch(question[..word.Index]);
            var innerCapital = value.Length >= 3 && value.Skip(1).Any(char.IsUpper) && value.Any(char.IsLower);
            var acronym = value.Length is >= 2 and <= 6 && value.All(char.IsUpper) && telling;
            var proper = value.Length >= 3 && char.IsUpper(value[0]) && value.Skip(1).All(char.IsLower) && !startsSentence && telling;
            var year = value.Length == 4 && value.All(char.IsAsciiDigit) && value[0] is '1' or '2';
            if (innerCapital || acronym || proper || year)
            {
                names.Add(value.ToLowerInvariant());
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static AskedFact Fact(string name, string asked, string covered) =>
        new(name, new Regex(@"\b(?:" + asked + @")\b", Options), new Regex(@"\b(?:" + covered + @")", Options));

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    // Nothing but spaces, quotes or opening punctuation since the start, a full stop, a question mark or a colon.
    [GeneratedRegex(@"(?:^|[.!?:;]\s*)[\s""“‘'(\[-]*$")]
    private static partial Regex SentenceStart();
}
