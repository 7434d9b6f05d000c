using System.Text;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Content;

namespace BrandAutomator.Application.Tests.Content;

public sealed class CsvImportTests
{
    private static CsvTable Parse(string text, bool bom = false, int maxRows = 5000) =>
        CsvTable.Parse((bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray(), maxRows);

    [Fact]
    public void A_file_with_a_byte_order_mark_and_semicolons_is_read_with_its_quoted_multi_line_text()
    {
        var table = Parse("Date;Text;Networks\r\n2027-01-12 09:00;\"Line one; still one\r\nLine \"\"two\"\"\";LinkedIn\r\n", bom: true);

        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["Date", "Text", "Networks"], table.Headers);
        var row = Assert.Single(table.Rows);
        Assert.Equal(2, row.Number);
        Assert.Equal("Line one; still one\nLine \"two\"", row.Cell(1));
        Assert.Equal("LinkedIn", row.Cell(2));
    }

    [Fact]
    public void Rows_are_numbered_as_a_spreadsheet_shows_them_whatever_their_line_breaks_and_blank_lines()
    {
        var table = Parse("Date,Text\n2027-01-12 09:00,\"a\nb\nc\"\n\n2027-01-13 09:00,d\n,\n2027-01-14 09:00,\"e, f\"");

        Assert.Equal(',', table.Delimiter);
        Assert.Equal([2, 4, 6], table.Rows.Select(r => r.Number));
        Assert.Equal("e, f", table.Rows[2].Cell(1));
        Assert.Equal("", table.Rows[2].Cell(7));
    }

    [Fact]
    public void A_comma_inside_a_quoted_header_does_not_decide_the_delimiter() =>
        Assert.Equal(';', Parse("\"Date, local\";Text;Title\n2027-01-12 09:00;a;b").Delimiter);

    [Fact]
    public void An_unclosed_quote_is_refused_naming_its_row_and_line()
    {
        var error = Assert.Throws<InputValidationException>(() => Parse("Date,Text\n2027-01-12 09:00,ok\n2027-01-13 09:00,\"never closed\nmore"));
        Assert.Contains("Row 3 (line 3)", error.Errors["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_with_what_to_do()
    {
        var latin1 = Encoding.Latin1.GetBytes("Date,Text\n2027-01-12 09:00,Caf\u00e9\n");
        var error = Assert.Throws<InputValidationException>(() => CsvTable.Parse(latin1, 10));
        Assert.Contains("CSV UTF-8", error.Errors["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void More_rows_than_allowed_are_refused_and_an_empty_file_too()
    {
        Assert.Contains("more than 2", Assert.Throws<InputValidationException>(() => Parse("Date\n1\n2\n3", maxRows: 2)).Errors["file"][0], StringComparison.Ordinal);
        Assert.Single(Parse("Date\n1\n2", maxRows: 2).Rows.Skip(1));
        Assert.Contains("empty", Assert.Throws<InputValidationException>(() => Parse("")).Errors["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_guessed_from_their_headers_in_any_case_and_spacing()
    {
        var guess = ImportFields.Guess(["Publish date", "TIME", "Channels", "Message", "LinkedIn text", "Twitter", "Image", "Headline", "Notes"]);

        Assert.Equal("Publish date", guess["date"]);
        Assert.Equal("TIME", guess["time"]);
        Assert.Equal("Channels", guess["networks"]);
        Assert.Equal("Message", guess["text"]);
        Assert.Equal("LinkedIn text", guess["text.linkedIn"]);
        Assert.Equal("Twitter", guess["text.x"]);
        Assert.Equal("Image", guess["media"]);
        Assert.Equal("Headline", guess["title"]);
        Assert.DoesNotContain("Notes", guess.Values);
    }

    [Fact]
    public void A_mapping_naming_a_missing_column_or_an_unknown_field_is_refused_on_that_field()
    {
        var table = Parse("Date,Text\n2027-01-12 09:00,a");
        var error = Assert.Throws<InputValidationException>(() =>
            ImportFields.Resolve(new Dictionary<string, string> { ["date"] = "When", ["text"] = "Text", ["colour"] = "Text" }, table));

        Assert.Contains("no column \u201CWhen\u201D", error.Errors["mapping.date"][0], StringComparison.Ordinal);
        Assert.True(error.Errors.ContainsKey("mapping.colour"));
    }
}
