using System.Text;

namespace BrandAutomator.Domain.Links;

/// <summary>
/// Adds the campaign parameters analytics tools read (utm_source, utm_medium, utm_campaign, utm_content) to an
/// address. Parameters the author already put in the address are theirs and kept; the fragment stays last.
/// </summary>
public static class UtmParameters
{
    public const string Medium = "social";

    public static string Apply(string url, string source, string campaign, string content)
    {
        var fragmentAt = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentAt >= 0 ? url[fragmentAt..] : "";
        var address = fragmentAt >= 0 ? url[..fragmentAt] : url;
        var queryAt = address.IndexOf('?', StringComparison.Ordinal);
        var existing = queryAt >= 0
            ? address[(queryAt + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0].ToLowerInvariant()).ToHashSet()
            : [];
        var added = new StringBuilder();
        foreach (var (name, value) in new[] { ("utm_source", source), ("utm_medium", Medium), ("utm_campaign", campaign), ("utm_content", content) })
        {
            if (!existing.Contains(name) && value.Length > 0)
            {
                added.Append(added.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        if (added.Length == 0)
        {
            return url;
        }

        var separator = queryAt < 0 ? "?" : address.EndsWith('?') || address.EndsWith('&') ? "" : "&";
        return address + separator + added + fragment;
    }

    /// <summary>
    /// The address in ASCII, as an HTTP Location header must be: an international host in punycode, other characters
    /// percent-encoded. An address that is ASCII already is returned as it is.
    /// </summary>
    public static string ToAscii(string url)
    {
        if (url.All(char.IsAscii) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        return new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
    }

    /// <summary>A campaign name as analytics tools like it: lower case, words joined by hyphens, at most 60 characters.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 60 ? slug[..60].Trim('-') : slug;
    }
}
