using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using BrandAutomator.Application.Feeds;

namespace BrandAutomator.Infrastructure.Feeds;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 documents: each item's id, link, title, summary (HTML reduced to text) and
/// date. Lenient about what feeds get wrong in practice (dates in odd formats, relative links), strict about XML
/// (no DTDs, no external entities).
/// </summary>
public static partial class FeedDocument
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>The items, or null with the reason in words when the document is not a feed.</summary>
    public static (IReadOnlyList<FetchedItem>? Items, string? Error) Read(Stream stream, Uri address)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
                MaxCharactersInDocument = 50_000_000,
                Async = false,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return (null, $"The address answered, but not with a feed that can be read: the XML is broken at line {e.LineNumber}.");
        }

        var root = document.Root!;
        IEnumerable<FetchedItem>? items = root.Name.LocalName switch
        {
            "rss" => root.Element("channel")?.Elements("item").Select(i => FromRss(i, address)),
            "RDF" => root.Elements(Rss1 + "item").Select(i => FromRss1(i, address)),
            "feed" when root.Name.Namespace == Atom => root.Elements(Atom + "entry").Select(e => FromAtom(e, address)),
            _ => null,
        };
        return items is null
            ? (null, "The address answered with a document that is not an RSS or Atom feed.")
            : (items.ToList(), null);
    }

    private static FetchedItem FromRss(XElement item, Uri address) => new(
        Text(item.Element("guid")),
        Absolute(Text(item.Element("link")), address),
        PlainText(Text(item.Element("title")) ?? ""),
        PlainText(Text(item.Element("description")) ?? Text(item.Element(Content + "encoded")) ?? ""),
        Date(Text(item.Element("pubDate")) ?? Text(item.Element(Dc + "date"))));

    private static FetchedItem FromRss1(XElement item, Uri address) => new(
        (string?)item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")),
        Absolute(Text(item.Element(Rss1 + "link")), address),
        PlainText(Text(item.Element(Rss1 + "title")) ?? ""),
        PlainText(Text(item.Element(Rss1 + "description")) ?? ""),
        Date(Text(item.Element(Dc + "date"))));

    private static FetchedItem FromAtom(XElement entry, Uri address)
    {
        var link = entry.Elements(Atom + "link")
            .FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        return new FetchedItem(
            Text(entry.Element(Atom + "id")),
            Absolute((string?)link?.Attribute("href"), address),
            PlainText(Text(entry.Element(Atom + "title")) ?? ""),
            PlainText(Text(entry.Element(Atom + "summary")) ?? Text(entry.Element(Atom + "content")) ?? ""),
            Date(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))));
    }

    private static string? Text(XElement? element) => element is null ? null : element.Value.Trim() is { Length: > 0 } text ? text : null;

    private static string? Absolute(string? link, Uri address) =>
        link is not null && Uri.TryCreate(address, link, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    /// <summary>HTML (or text) as plain text: tags dropped, entities decoded, white space collapsed.</summary>
    public static string PlainText(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(Blocks().Replace(html, " "), ""));
        return Spaces().Replace(text, " ").Trim();
    }

    private static DateTimeOffset? Date(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // RFC 822 dates with a zone name (GMT, EST...) or an offset, and ISO 8601.
        var cleaned = ZoneNames().Replace(text, m => m.Value switch
        {
            "GMT" or "UT" or "UTC" or "Z" => "+0000",
            "EST" => "-0500",
            "EDT" => "-0400",
            "CST" => "-0600",
            "CDT" => "-0500",
            "MST" => "-0700",
            "MDT" => "-0600",
            "PST" => "-0800",
            "PDT" => "-0700",
            _ => m.Value,
        });
        return DateTimeOffset.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date.ToUniversalTime()
            : DateTimeOffset.TryParseExact(cleaned, ["ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz"],
                CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date) ? date.ToUniversalTime()
            : null;
    }

    [GeneratedRegex("<(br|p|div|li|h[1-6])[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Blocks();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(GMT|UTC|UT|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$")]
    private static partial Regex ZoneNames();
}
