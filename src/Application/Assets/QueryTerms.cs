using System.Text.RegularExpressions;

namespace BrandAutomator.Application.Assets;

/// <summary>The words of a question that can match a document: question and function words dropped.</summary>
public static partial class QueryTerms
{
    public const int MaxTerms = 16;

    /// <summary>The distinct words of the text that can match a document: letters and digits, three characters or more, no stop words.</summary>
    public static IReadOnlyList<string> Of(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();

    // Words that carry no meaning for retrieval; the database drops its own stop words too, these are mostly question words.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "was", "were", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "does", "did",
        "our", "ours", "your", "yours", "their", "they", "them", "this", "that", "these", "those", "with", "from", "about", "into", "can",
        "could", "should", "would", "will", "shall", "may", "might", "must", "has", "have", "had", "not", "but", "all", "any", "some",
        "tell", "please", "give", "say", "says", "said", "there", "here", "its", "it's", "you", "she", "him", "her", "his", "use", "used",
        "using", "need", "know", "want", "much", "many", "get", "make", "like", "also", "then", "than", "just", "very", "more", "most",
        "other", "such", "each", "only", "own", "same", "too", "out", "over", "under", "again", "once", "being", "been", "doing", "today", "now",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
