using System.Text;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>Plain text and Markdown: decodable as UTF-8 (or UTF-16 with its byte-order mark) and free of control bytes.</summary>
internal static class TextChecks
{
    private const int MarkupWindowChars = 1024;

    /// <summary>Whether the stream is text at all and, if it is, why it is still refused (null when it is clean).</summary>
    public static TextVerdict Inspect(Stream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        Span<byte> bom = stackalloc byte[4];
        var bomLength = file.ReadAtLeast(bom, 4, throwOnEndOfStream: false);
        bom = bom[..bomLength];
        Encoding encoding;
        int skip;
        if (bom.StartsWith(Signatures.Utf8Bom))
        {
            (encoding, skip) = (new UTF8Encoding(false, throwOnInvalidBytes: true), 3);
        }
        else if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return TextVerdict.NotText;
        }
        else if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }
        else if (bom.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }
        else
        {
            (encoding, skip) = (new UTF8Encoding(false, throwOnInvalidBytes: true), 0);
        }

        file.Position = skip;
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        var start = new StringBuilder();
        try
        {
            int read;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                read = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                for (var i = 0; i < count; i++)
                {
                    var c = chars[i];
                    if (c == '\0')
                    {
                        return TextVerdict.Refused("The file contains NUL bytes: it is binary data, not text.");
                    }

                    if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
                    {
                        return TextVerdict.Refused($"The text contains the control character U+{(int)c:X4}; only tabs and line breaks are allowed.");
                    }
                }

                if (start.Length < MarkupWindowChars)
                {
                    start.Append(chars, 0, Math.Min(count, MarkupWindowChars - start.Length));
                }
            }
            while (read > 0);
        }
        catch (DecoderFallbackException)
        {
            return LooksLikeLegacyEncodedText(file)
                ? TextVerdict.Refused("The text is not UTF-8 (it looks like an older encoding such as Windows-1252); save it as UTF-8 and upload it again.")
                : TextVerdict.NotText;
        }

        return MarkupReason(start.ToString()) is { } markup ? TextVerdict.Refused(markup) : TextVerdict.Clean;
    }

    // Mostly printable ASCII with a few high bytes and no control bytes: text in a single-byte code page, not binary.
    private static bool LooksLikeLegacyEncodedText(Stream file)
    {
        file.Position = 0;
        var sample = new byte[(int)Math.Min(file.Length, 8192)];
        file.ReadExactly(sample);
        var printable = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }

            if (b < 0x7F)
            {
                printable++;
            }
        }

        return printable >= sample.Length * 0.9;
    }

    // HTML, SVG and XML are text, but a browser runs them; they are judged by what they begin with, plus the tags
    // a browser's sniffer reacts to within the first kilobyte.
    private static string? MarkupReason(string start)
    {
        var trimmed = start.TrimStart().ToLowerInvariant();
        if (trimmed.Contains("<svg", StringComparison.Ordinal))
        {
            return "SVG images are not on the allow-list (they can carry scripts); convert the image to PNG.";
        }

        if (trimmed.StartsWith("<!doctype html", StringComparison.Ordinal) || trimmed.StartsWith("<html", StringComparison.Ordinal)
            || trimmed.StartsWith("<head", StringComparison.Ordinal) || trimmed.StartsWith("<body", StringComparison.Ordinal)
            || ContainsAny(trimmed, "<html", "<script", "<iframe", "<?php"))
        {
            return "HTML pages and scripts are not accepted; upload the text as .txt or .md, or the page as PDF.";
        }

        if (trimmed.StartsWith("<?xml", StringComparison.Ordinal) || trimmed.StartsWith("<!doctype", StringComparison.Ordinal))
        {
            return "XML files are not on the allow-list; upload the text as .txt or .md.";
        }

        return null;
    }

    private static bool ContainsAny(string text, params string[] needles) =>
        needles.Any(needle => text.Contains(needle, StringComparison.Ordinal));
}

internal sealed record TextVerdict(bool IsText, string? RefusalReason)
{
    public static readonly TextVerdict Clean = new(true, null);
    public static readonly TextVerdict NotText = new(false, null);

    public static TextVerdict Refused(string reason) => new(true, reason);
}
