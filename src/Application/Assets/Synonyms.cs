namespace BrandAutomator.Application.Assets;

/// <summary>
/// Words that mean the same in a company's documents, for the lexical half of retrieval: a question asks "when was the
/// company started?" and the about page says "founded"; "which prize" and the press kit says "award"; British and American
/// spellings. The sentence embeddings bridge many paraphrases, but not when the passage is long and the rest of it is
/// about something else. General business and marketing English only, never one company's vocabulary. Each group is
/// searched as one word (any of them matches, with one rarity), so a question's other words weigh as much as before.
/// </summary>
public static class Synonyms
{
    private static readonly string[][] Groups =
    [
        ["start", "found", "establish", "launch", "begin"],
        ["founder", "cofounder", "owner"],
        ["prize", "award", "accolade", "trophy"],
        ["rival", "competitor", "competition"],
        ["photo", "picture", "photograph"],
        ["buy", "purchase"],
        ["customer", "client", "guest", "buyer"],
        ["employee", "staff", "worker"],
        ["shop", "store", "outlet"],
        ["boss", "manager", "director"],
        ["refund", "reimburse", "repay"],
        ["discount", "reduction"],
        ["rule", "policy", "guideline"],
        ["ban", "forbid", "prohibit", "avoid"],
        ["colour", "color"],
        ["favourite", "favorite"],
        ["organise", "organize"],
        ["centre", "center"],
        ["catalogue", "catalog"],
        ["licence", "license"],
        ["programme", "program"],
        ["travel", "trip", "journey"],
        ["meet", "gather", "assemble"],
        ["email", "mail"],
        ["phone", "telephone"],
        ["help", "support", "assist"],
        ["goal", "aim", "objective"],
        ["mission", "purpose"],
        ["sell", "sale"],
        ["hire", "rent", "rental"],
        ["vehicle", "car", "van"],
        ["kid", "child", "children"],
        ["holiday", "vacation"],
        ["advert", "advertisement"],
        ["logo", "logotype", "emblem"],
        ["font", "typeface"],
    ];

    private static readonly Dictionary<string, string[]> ByWord = BuildIndex();

    /// <summary>The other words of <paramref name="word"/>'s group (its plural or past tense found too), or none.</summary>
    public static IReadOnlyList<string> Of(string word)
    {
        foreach (var form in Forms(word.ToLowerInvariant()))
        {
            if (ByWord.TryGetValue(form, out var group))
            {
                return [.. group.Where(w => w != form)];
            }
        }

        return [];
    }

    // The word and what it might be before a plural, past tense or -ing ending: "started", "prizes", "founding", "charged".
    private static IEnumerable<string> Forms(string word)
    {
        yield return word;
        foreach (var ending in (string[])["s", "es", "ed", "d", "ing", "ers", "er"])
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                var stem = word[..^ending.Length];
                yield return stem;
                if (ending == "ing")
                {
                    yield return stem + "e";
                }
            }
        }
    }

    private static Dictionary<string, string[]> BuildIndex()
    {
        var index = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            foreach (var word in group)
            {
                index[word] = group;
            }
        }

        return index;
    }
}
