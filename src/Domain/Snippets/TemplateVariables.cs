using System.Text.RegularExpressions;

namespace BrandAutomator.Domain.Snippets;

/// <summary>The variables a post template may use, written in braces: <c>{brand}</c>, <c>{product}</c>, <c>{link}</c>, <c>{website}</c>.</summary>
public static partial class TemplateVariables
{
    public static readonly IReadOnlyList<string> Known = ["brand", "product", "link", "website"];

    /// <summary>The variables the text uses, in order, without repeats.</summary>
    public static IReadOnlyList<string> Used(string text) =>
        Variable().Matches(text).Select(m => m.Groups[1].Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The variables the text uses that are not known.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        Used(text).Where(v => !Known.Contains(v.ToLowerInvariant())).ToList();

    /// <summary>The text with each known variable replaced by its value; variables without a value stay as written.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Variable().Replace(text, m => values.TryGetValue(m.Groups[1].Value.Trim().ToLowerInvariant(), out var value) ? value : m.Value);

    [GeneratedRegex(@"\{\s*([^{}\s][^{}]{0,40}?)\s*\}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Variable();
}
