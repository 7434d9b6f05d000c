using System.Text;
using BrandAutomator.Application.Common.Errors;

namespace BrandAutomator.Application.Content;

/// <summary>One record of a CSV file; <see cref="Number"/> is its row as a spreadsheet shows it (the header is row 1).</summary>
public sealed record CsvRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : "";
}

/// <summary>
/// A CSV file read whole (RFC 4180): UTF-8 with or without a byte order mark, comma or semicolon (whichever the header
/// row uses outside quotes), quoted fields with doubled quotes, line breaks inside quotes, CRLF or LF. Blank lines are
/// skipped. What a spreadsheet would show as row 12 is <see cref="CsvRow.Number"/> 12, however many lines its cells take.
/// </summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows, char Delimiter)
{
    /// <summary>Reads the file; a file that is not UTF-8, has no header, an unclosed quote or more than <paramref name="maxRows"/> rows is refused on <c>file</c>.</summary>
    public static CsvTable Parse(ReadOnlySpan<byte> bytes, int maxRows)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw InputValidationException.For("file", "The file is not UTF-8 text: save it as \u201CCSV UTF-8\u201D and upload it again.");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var delimiter = DetectDelimiter(text);
        var records = Records(text, delimiter, maxRows + 1);
        if (records.Count == 0 || records[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            throw InputValidationException.For("file", "The file is empty: the first row names the columns, each row after it is a post.");
        }

        if (records.Count > maxRows + 1)
        {
            throw InputValidationException.For("file", $"The file has more than {maxRows:N0} posts: split it into files of at most {maxRows:N0} rows.");
        }

        var headers = records[0].Cells.Select(h => h.Trim()).ToList();
        return new CsvTable(headers, records.Skip(1).ToList(), delimiter);
    }

    /// <summary>The header's column whose name is <paramref name="header"/> (case and spaces ignored), or -1.</summary>
    public int ColumnOf(string? header) =>
        header is null ? -1 : Headers.ToList().FindIndex(h => string.Equals(h.Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase));

    // The header row decides: the delimiter it uses more often outside quotes; a one-column file is comma-separated.
    private static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static List<CsvRow> Records(string text, char delimiter, int limit)
    {
        var rows = new List<CsvRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        var startLine = 1;
        var line = 1;
        var number = 0;
        var quotedCell = false;
        while (i <= text.Length && rows.Count <= limit)
        {
            var atEnd = i == text.Length;
            var c = atEnd ? '\n' : text[i];
            if (!atEnd && c == '"' && cell.Length == 0 && !quotedCell)
            {
                // A quoted field: to the closing quote, "" being one quote, line breaks kept as LF.
                quotedCell = true;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw InputValidationException.For("file",
                            $"Row {number + 1} (line {startLine}) opens a quoted field that is never closed: add the closing quote.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    if (text[i] is '\n' or '\r')
                    {
                        line++;
                        cell.Append('\n');
                    }
                    else
                    {
                        cell.Append(text[i]);
                    }

                    i++;
                }

                continue;
            }

            if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                quotedCell = false;
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                quotedCell = false;
                // A spreadsheet shows a blank line (or one of empty cells) as an empty row: it keeps its number and is skipped.
                number++;
                if (!cells.All(string.IsNullOrWhiteSpace))
                {
                    rows.Add(new CsvRow(number, cells));
                }

                cells = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                i++;
                line++;
                startLine = line;
                continue;
            }

            // Text after a closing quote, or a quote inside an unquoted field, is kept as it is (as spreadsheets do).
            cell.Append(c);
            i++;
        }

        return rows;
    }
}
