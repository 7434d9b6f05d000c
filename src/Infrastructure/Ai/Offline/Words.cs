using System.Text.RegularExpressions;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// Content words reduced to a light stem ("prices", "priced" and "price" meet), for matching a question to the parts
/// of a passage without a model. The same function runs on both sides, so consistency matters more than linguistics.
/// </summary>
internal static partial class Words
{
    /// <summary>The stems of the content words of the text, in order, repeats kept.</summary>
    public static IEnumerable<string> Stems(string? text)
    {
        foreach (Match match in Word().Matches(text ?? ""))
        {
            var word = match.Value.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal);
            if (word.EndsWith("'s", StringComparison.Ordinal))
            {
                word = word[..^2];
            }

            word = word.Replace("'", "", StringComparison.Ordinal);
            // Numbers count whatever their length ("5 kg", "2024"); other words need two letters and meaning.
            if (word.Length == 0 || (!char.IsDigit(word[0]) && (word.Length < 2 || StopWords.Contains(word))))
            {
                continue;
            }

            yield return Stem(word);
        }
    }

    public static HashSet<string> StemSet(string? text) => new(Stems(text), StringComparer.Ordinal);

    /// <summary>A light suffix-stripping stem: plural, -ing, -ed, -ly and a final e go.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[0]) || word[0] == '#')
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            word = word[..^3] + "y";
        }
        else if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            word = word[..^2];
        }
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
                 && !word.EndsWith("is", StringComparison.Ordinal))
        {
            word = word[..^1];
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            word = word[..^3];
        }
        else if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            word = word[..^2];
        }
        else if (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 4)
        {
            word = word[..^2];
        }

        if (word.Length > 3 && word[^1] == word[^2] && !"aeiouls".Contains(word[^1], StringComparison.Ordinal))
        {
            word = word[..^1];
        }

        if (word.EndsWith('e') && word.Length > 3)
        {
            word = word[..^1];
        }

        // British and American spellings meet: "colour" and "color", "organise" and "organize".
        return word.Replace("our", "or", StringComparison.Ordinal).Replace("is", "iz", StringComparison.Ordinal);
    }

    /// <summary>Whether the question asks what something costs: the answer is an amount of money, not any number.</summary>
    public static bool AsksForPrice(string question) => PriceQuestion().IsMatch(question);

    /// <summary>Whether the text gives an amount of money: a currency sign or code next to a number.</summary>
    public static bool HasMoney(string text) => Money().IsMatch(text);

    /// <summary>Whether the question asks for a number (a price, an amount, a date, a percentage).</summary>
    public static bool AsksForNumber(string question) => NumberQuestion().IsMatch(question);

    // Function words and the words of asking: they say nothing about which part of a document answers.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "about", "as",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing", "have", "has", "had", "having",
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whats", "wheres", "hows",
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "they", "them", "their", "theirs", "he", "she", "him",
        "her", "his", "it", "its", "this", "that", "these", "those", "there", "here", "then", "than", "so", "such", "very", "too", "also",
        "can", "could", "should", "would", "will", "shall", "may", "might", "must", "not", "no", "nor", "any", "some", "all", "each",
        "every", "both", "either", "neither", "other", "another", "more", "most", "much", "many", "few", "less", "least", "own", "same",
        "tell", "please", "give", "say", "says", "said", "know", "let", "like", "just", "only", "again", "ever", "still", "yet", "up",
        "down", "out", "over", "under", "per", "via", "vs", "etc", "eg", "ie", "get", "got", "need", "needs", "want", "use", "used",
        "using", "make", "made", "one", "ones", "thing", "things", "way", "ways", "currently", "current", "now", "today", "anything",
        "something", "everything", "kind", "kinds", "sort", "whether", "while", "during", "before", "after", "between", "within", "without",
        "company", "document", "documents", "doc", "docs", "file", "files", "according", "mention", "mentioned", "state", "stated", "write",
        "written", "describe", "described", "explain", "list", "show", "find", "look",
    };

    [GeneratedRegex(@"#?[\p{L}\p{N}][\p{L}\p{N}'’]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(how\s+(much|many|long|often|big|heavy|far|old)|price|prices|cost|costs|fee|fees|percent|percentage|%|number|amount|when|what\s+year|how\s+soon|rate|weight|capacity|size|temperature|hex)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberQuestion();

    [GeneratedRegex(@"\b(?:price[sd]?|pricing|costs?|fees?|charge[sd]?|how much (?:is|are|does|do|did|will|would)\b(?!.*\b(?:weigh|hold|take|last)))", RegexOptions.IgnoreCase)]
    private static partial Regex PriceQuestion();

    [GeneratedRegex(@"[$\u20AC\u00A3\u00A5]\s?\d|\d(?:[\d,.\u00A0 ]*\d)?\s?(?:NOK|SEK|DKK|ISK|EUR|USD|GBP|CHF|AUD|CAD|kr|kroner|euros?|dollars?|pounds?|pence|p)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();
}
