using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
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

    /// <summary>Paragraphs one per line with a blank line between them; a table row per line, its cells separated by tabs.</summary>
    public static string FromDocx(Stream docx)
    {
        docx.Position = 0;
        using var document = WordprocessingDocument.Open(new NonClosingStream(docx), isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return "";
        }

        var text = new StringBuilder();
        AppendBlocks(body, text);
        return text.ToString().Trim();
    }

    public static string FromMarkdown(Stream markdown)
    {
        var source = FromPlainText(markdown);

        // Markdig renders inline HTML away but keeps HTML blocks as they are; their tags are markup, not prose.
        var plain = Markdig.Markdown.ToPlainText(source);
        return HtmlTag().Replace(plain, "").Trim();
    }

    /// <summary>UTF-8 unless a byte-order mark says UTF-16 (or UTF-32); line ends become \n.</summary>
    public static string FromPlainText(Stream text)
    {
        text.Position = 0;
        using var reader = new StreamReader(text, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    private static void AppendBlocks(OpenXmlElement container, StringBuilder text)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var line = ParagraphText(paragraph);
                    if (line.Length > 0)
                    {
                        text.Append(line).Append("\n\n");
                    }

                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(cell => string.Join(" ", cell.Elements<Paragraph>().Select(ParagraphText)).Trim());
                        text.Append(string.Join('\t', cells)).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case SdtBlock or CustomXmlBlock:
                    // Content controls and custom XML wrap ordinary paragraphs and tables.
                    AppendBlocks(element.GetFirstChild<SdtContentBlock>() ?? element, text);
                    break;
            }
        }
    }

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
}
