using System.Text;

namespace BrandAutomator.Application.Assets;

public sealed record TextPassage(int Ordinal, int? Page, string Text);

/// <summary>
/// Splits a document's text into passages for search and citation: about 800 characters, never over 1,200, cut at
/// paragraph and then sentence boundaries, each starting with the previous passage's last sentence so that a fact
/// spanning a cut is still found. A form feed marks a new page.
/// </summary>
public static class TextChunker
{
    public const int Target = 800;
    public const int Maximum = 1200;

    public static IReadOnlyList<TextPassage> Split(string text)
    {
        var passages = new List<TextPassage>();
        var pages = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\f');
        var hasPages = pages.Length > 1;
        var current = new StringBuilder();
        int? currentPage = null;
        string? carry = null;

        for (var pageIndex = 0; pageIndex < pages.Length; pageIndex++)
        {
            foreach (var sentence in Sentences(pages[pageIndex]))
            {
                if (current.Length > 0 && current.Length + sentence.Length + 1 > Target)
                {
                    carry = Flush();
                }

                if (current.Length == 0)
                {
                    currentPage = hasPages ? pageIndex + 1 : null;
                    if (carry is not null && carry.Length + sentence.Length + 1 <= Maximum)
                    {
                        current.Append(carry).Append(' ');
                    }
                }

                current.Append(sentence).Append(' ');
            }
        }

        Flush();
        return passages;

        string? Flush()
        {
            var passage = current.ToString().Trim();
            current.Clear();
            if (passage.Length == 0)
            {
                return null;
            }

            passages.Add(new TextPassage(passages.Count, currentPage, passage));
            var lastSentence = Sentences(passage).LastOrDefault();
            return lastSentence is not null && lastSentence.Length < Target / 2 && lastSentence.Length < passage.Length ? lastSentence : null;
        }
    }

    /// <summary>Sentences (or pieces of at most <see cref="Target"/> characters of a very long one), paragraph by paragraph.</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var flat = string.Join(' ', paragraph.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
            var start = 0;
            for (var i = 0; i < flat.Length; i++)
            {
                var end = flat[i] is '.' or '!' or '?' && (i + 1 == flat.Length || flat[i + 1] == ' ');
                if (end || i - start + 1 >= Target)
                {
                    var sentence = flat[start..(i + 1)].Trim();
                    if (sentence.Length > 0)
                    {
                        yield return sentence;
                    }

                    start = i + 1;
                }
            }

            if (start < flat.Length && flat[start..].Trim() is { Length: > 0 } rest)
            {
                yield return rest;
            }
        }
    }
}
