using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>The plain text of the document types the allow-list accepts, laid out so TextChunker can split it.</summary>
internal static partial class DocumentText
{
    /// <summary>Ends every page with a form feed, so that a one-page PDF is still known to be paged.</summary>
    public const char PageBreak = Application.Assets.TextChunker.PageBreak;

    public static string FromPdf(Stream pdf)
    {
        pdf.Position = 0;
        using var document = PdfDocument.Open(new NonClosingStream(pdf));
        var options = new ContentOrderTextExtractor.Options { SeparateParagraphsWithDoubleNewline = true, ReplaceWhitespaceWithSpace = true };
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.Append(ContentOrderTextExtractor.GetText(page, options).Replace(PageBreak, '\n').Trim()).Append(PageBreak);
        }

        return text.ToString();
    }

    /// <summary>
    /// Paragraphs one per line with a blank line between them; paragraphs in a heading style (or with an outline level)
    /// as "#" headings of their level, numbered or bulleted paragraphs as "- " list items, a table row per line as
    /// "| cell | cell |" with a separator after the first row: the structure TextChunker keeps.
    /// </summary>
    public static string FromDocx(Stream docx)
    {
        docx.Position = 0;
        using var document = WordprocessingDocument.Open(new NonClosingStream(docx), isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return "";
        }

        var styles = document.MainDocumentPart?.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(style => style.StyleId?.Value is not null)
            .GroupBy(style => style.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First().StyleName?.Val?.Value ?? g.Key, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder();
        AppendBlocks(body, text, styles);
        return text.ToString().Trim();
    }

    /// <summary>
    /// The document's words without their markup, its structure kept as TextChunker reads it: "#" headings, one list
    /// item per line ("- ", nested ones indented), tables as "| cell | cell |" rows under a separator after the header.
    /// </summary>
    public static string FromMarkdown(Stream markdown)
    {
        var source = FromPlainText(markdown);
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();
        var text = new StringBuilder();
        AppendMarkdownBlocks(Markdig.Markdown.Parse(source, pipeline), text, 0);
        return text.ToString().Trim();
    }

    private static void AppendMarkdownBlocks(ContainerBlock container, StringBuilder text, int depth)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    text.Append('#', heading.Level).Append(' ').Append(InlineText(heading.Inline)).Append("\n\n");
                    break;
                case MdTable table:
                    var first = true;
                    foreach (var row in table.OfType<MdTableRow>())
                    {
                        var cells = row.OfType<MdTableCell>().Select(cell => Cell(cell)).ToList();
                        text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
                        if (first)
                        {
                            text.Append('|').Append(string.Concat(cells.Select(_ => " --- |"))).Append('\n');
                            first = false;
                        }
                    }

                    text.Append('\n');
                    break;
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++}. " : "- ";
                        var lines = new StringBuilder();
                        AppendMarkdownBlocks(item, lines, depth + 1);
                        var content = lines.ToString().Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                        text.Append(' ', depth * 2).Append(marker).Append(content.Length > 0 ? content[0].Trim() : "").Append('\n');
                        foreach (var more in content.Skip(1))
                        {
                            // Nested lists keep their own markers and indentation; a second paragraph continues the item.
                            text.Append(more.StartsWith(' ') || ListMarker().IsMatch(more) ? more : new string(' ', depth * 2 + 2) + more).Append('\n');
                        }
                    }

                    text.Append(depth == 0 ? "\n" : "");
                    break;
                case QuoteBlock quote:
                    AppendMarkdownBlocks(quote, text, depth);
                    break;
                case ContainerBlock other:
                    AppendMarkdownBlocks(other, text, depth);
                    break;
                case ParagraphBlock paragraph:
                    text.Append(InlineText(paragraph.Inline)).Append(depth == 0 ? "\n\n" : "\n");
                    break;
                case HtmlBlock html:
                    // Block HTML is markup around prose: its words stay, its tags go.
                    var words = HtmlTag().Replace(string.Join('\n', html.Lines.Lines.Take(html.Lines.Count).Select(l => l.ToString())), "").Trim();
                    if (words.Length > 0)
                    {
                        text.Append(words).Append("\n\n");
                    }

                    break;
                case LeafBlock leaf when leaf is CodeBlock:
                    text.Append(string.Join('\n', leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString()))).Append("\n\n");
                    break;
            }
        }
    }

    private static string Cell(MdTableCell cell)
    {
        var text = new StringBuilder();
        foreach (var block in cell.OfType<ParagraphBlock>())
        {
            text.Append(InlineText(block.Inline)).Append(' ');
        }

        return text.ToString().Replace('|', '/').Trim();
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        AppendInline(inline, text);
        return MultipleSpaces().Replace(text.ToString(), " ").Trim();
    }

    private static void AppendInline(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline link:
                text.Append(link.Url);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(child, text);
                }

                break;
        }
    }

    /// <summary>UTF-8 unless a byte-order mark says UTF-16 (or UTF-32); line ends become \n.</summary>
    public static string FromPlainText(Stream text)
    {
        text.Position = 0;
        using var reader = new StreamReader(text, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    private static void AppendBlocks(OpenXmlElement container, StringBuilder text, Dictionary<string, string> styles)
    {
        var inList = false;
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var line = ParagraphText(paragraph);
                    if (line.Length == 0)
                    {
                        break;
                    }

                    var properties = paragraph.ParagraphProperties;
                    var style = properties?.ParagraphStyleId?.Val?.Value is { } id ? styles.GetValueOrDefault(id, id) : "";
                    if (HeadingLevel(style, properties) is { } level)
                    {
                        text.Append(inList ? "\n" : "").Append('#', level).Append(' ').Append(Flatten(line)).Append("\n\n");
                        inList = false;
                    }
                    else if (properties?.NumberingProperties is not null || style.Contains("list", StringComparison.OrdinalIgnoreCase))
                    {
                        // Items of one list on consecutive lines, so the list is read (and kept) as one.
                        var indent = properties?.NumberingProperties?.NumberingLevelReference?.Val?.Value ?? 0;
                        text.Append(' ', Math.Clamp(indent, 0, 4) * 2).Append("- ").Append(Flatten(line)).Append('\n');
                        inList = true;
                    }
                    else
                    {
                        text.Append(inList ? "\n" : "").Append(line).Append("\n\n");
                        inList = false;
                    }

                    break;
                case Table table:
                    text.Append(inList ? "\n" : "");
                    inList = false;
                    var first = true;
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>()
                            .Select(cell => Flatten(string.Join(" ", cell.Elements<Paragraph>().Select(ParagraphText))).Replace('|', '/').Trim()).ToList();
                        text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
                        if (first)
                        {
                            text.Append('|').Append(string.Concat(cells.Select(_ => " --- |"))).Append('\n');
                            first = false;
                        }
                    }

                    text.Append('\n');
                    break;
                case SdtBlock or CustomXmlBlock:
                    // Content controls and custom XML wrap ordinary paragraphs and tables.
                    AppendBlocks(element.GetFirstChild<SdtContentBlock>() ?? element, text, styles);
                    break;
            }
        }

        if (inList)
        {
            text.Append('\n');
        }
    }

    /// <summary>The heading level of a paragraph style ("Title", "heading 2", "Heading2") or outline level; null for body text.</summary>
    private static int? HeadingLevel(string style, ParagraphProperties? properties)
    {
        if (style.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var match = HeadingStyle().Match(style);
        if (match.Success)
        {
            // Below the document's title, which is level 1.
            return Math.Clamp(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, 2, 6);
        }

        return properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9 ? Math.Clamp(outline + 2, 2, 6) : null;
    }

    private static string Flatten(string text) => MultipleSpaces().Replace(text.Replace('\n', ' ').Replace('\t', ' '), " ").Trim();

    private static string ParagraphText(Paragraph paragraph)
    {
        var line = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    line.Append(t.Text);
                    break;
                case TabChar:
                    line.Append('\t');
                    break;
                case Break or CarriageReturn:
                    line.Append('\n');
                    break;
            }
        }

        return line.ToString().Trim();
    }

    [GeneratedRegex("<[^>\n]{1,200}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^heading\s*(\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s")]
    private static partial Regex ListMarker();
}
