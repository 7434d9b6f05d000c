using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Assets;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// Finds the passages of the tenant's documents that bear on a question, for the model to answer from: hybrid retrieval
/// (full-text by the question's words, weighted by how rare they are, fused with sentence-embedding similarity), current
/// documents only unless asked otherwise, and nothing at all below the relevance floor (<see cref="PassageFusion"/>), so
/// that a question the documents do not cover gets no passages and the answer can say so.
/// </summary>
public sealed partial class GroundingRetriever(IAssetSearch search)
{
    public const int DefaultPassages = 5;

    /// <summary>
    /// The passages most relevant to <paramref name="text"/>, numbered from 1 in order of relevance, with their heading path
    /// and fused relevance; archived documents left out; only assets of <paramref name="companyId"/> or of no company when one is given.
    /// </summary>
    public Task<IReadOnlyList<GroundingPassage>> FindAsync(string text, Guid? companyId, int limit, CancellationToken cancellationToken) =>
        FindAsync(text, companyId, limit, includeArchived: false, cancellationToken);

    /// <summary>As <see cref="FindAsync(string, Guid?, int, CancellationToken)"/>, with archived documents when <paramref name="includeArchived"/>.</summary>
    public Task<IReadOnlyList<GroundingPassage>> FindAsync(
        string text, Guid? companyId, int limit, bool includeArchived, CancellationToken cancellationToken) =>
        FindAsync(text, new PassageScope(companyId, includeArchived), limit, cancellationToken);

    /// <summary>
    /// The passages that can answer <paramref name="question"/> (current documents): as <see cref="FindAsync(string, Guid?, int, CancellationToken)"/>,
    /// without the passages that are only about its subject (<see cref="Answerability"/>), so that a question the documents
    /// do not answer gets none.
    /// </summary>
    public Task<IReadOnlyList<GroundingPassage>> FindAnswersAsync(string question, Guid? companyId, int limit, CancellationToken cancellationToken) =>
        FindAsync(question, new PassageScope(companyId, IncludeArchived: false, Answering: true), limit, cancellationToken);

    private async Task<IReadOnlyList<GroundingPassage>> FindAsync(string text, PassageScope scope, int limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || limit <= 0)
        {
            return [];
        }

        var hits = await search.FindPassagesAsync(text, scope, limit, cancellationToken);
        return hits.Select((h, i) => new GroundingPassage(i + 1, h.AssetId, h.AssetName, h.ChunkId, h.Page, h.Text, h.Heading, h.Relevance, h.PartCosines)).ToList();
    }

    /// <summary>The distinct words of the text that can match a document: letters and digits, three characters or more.</summary>
    public static IReadOnlyList<string> Terms(string text) => QueryTerms.Of(text);

    /// <summary>A short quote of the passage around the words of the question, for a citation.</summary>
    public static string Snippet(string passage, string question, int maxLength = 240)
    {
        var sentence = BestSentence(passage, Terms(question));
        if (sentence.Length <= maxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', maxLength - 1);
        return sentence[..(cut > 40 ? cut : maxLength - 1)] + "…";
    }

    /// <summary>The sentence of the passage that shares the most words with the question; the first one when none does.</summary>
    public static string BestSentence(string passage, IReadOnlyList<string> terms)
    {
        var sentences = Sentence().Split(passage).Select(s => Whitespace().Replace(s, " ").Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count == 0)
        {
            return "";
        }

        var best = sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: terms.Count(t => s.Contains(t, StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index).First();
        return best.Sentence;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n{2,}")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>Finds the "[n]" markers an answer cites its passages by.</summary>
public static partial class CitationMarkers
{
    /// <summary>The passage numbers cited in <paramref name="text"/>, in order of first appearance, within 1..<paramref name="passages"/>.</summary>
    public static IEnumerable<int> In(string text, int passages)
    {
        foreach (Match match in Marker().Matches(text))
        {
            foreach (var part in match.Groups[1].Value.Split(','))
            {
                if (int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= passages)
                {
                    yield return number;
                }
            }
        }
    }

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")]
    private static partial Regex Marker();
}

/// <summary>Identifies a structured request: same provider, model, prompts and input give the same key.</summary>
public static class AiRequestKey
{
    public static string For(AiProviderInfo provider, string kind, object input)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(input, System.Text.Json.JsonSerializerOptions.Web);
        var material = $"{provider.Provider}\n{provider.Model}\n{provider.PromptRevision}\n{kind}\n{json}";
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }
}
