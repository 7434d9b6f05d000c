using System.Buffers.Binary;
using System.Text;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>The leading bytes that name a format; only what the inspector decides on or explains a refusal with.</summary>
internal static class Signatures
{
    public static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    public static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    public static ReadOnlySpan<byte> Ebml => [0x1A, 0x45, 0xDF, 0xA3];
    public static ReadOnlySpan<byte> ZipLocalHeader => "PK\u0003\u0004"u8;
    public static ReadOnlySpan<byte> ZipEmptyArchive => "PK\u0005\u0006"u8;
    public static ReadOnlySpan<byte> Pdf => "%PDF-"u8;
    public static ReadOnlySpan<byte> Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool IsGif(ReadOnlySpan<byte> head) => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8);

    public static bool IsWebP(ReadOnlySpan<byte> head) =>
        head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8);

    public static bool IsIsoMedia(ReadOnlySpan<byte> head) => head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8);

    /// <summary>What kind of program the bytes are, or null; judged before anything else, whatever the file is called.</summary>
    public static string? Executable(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
        {
            return "a Linux program (ELF)";
        }

        if (head.StartsWith("MZ"u8) && LooksLikeDosHeader(head))
        {
            return "a Windows program (MZ/PE)";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
            || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]))
        {
            return "a macOS program (Mach-O)";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return "a macOS universal program or Java class (CAFEBABE)";
        }

        var text = head.StartsWith(Utf8Bom) ? head[3..] : head;
        if (text.StartsWith("#!"u8))
        {
            return "a script (it starts with #!)";
        }

        return null;
    }

    /// <summary>A format the allow-list leaves out, named so that the refusal can say what to send instead.</summary>
    public static string? KnownRefusedFormat(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Ole2))
        {
            return "Legacy Office files (.doc, .xls, .ppt) and password-protected Office files are not accepted; save the document as .docx or PDF.";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || head.StartsWith("7z\u00BC\u00AF\u0027\u001C"u8) || head.StartsWith("Rar!\u001A\u0007"u8))
        {
            return "Compressed archives (gzip, 7-Zip, RAR) are not accepted; upload the files themselves.";
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return "TIFF images are not on the allow-list; convert the image to PNG or JPEG.";
        }

        if (head.StartsWith("BM"u8) && head.Length >= 26 && head[6] == 0 && head[7] == 0 && head[8] == 0 && head[9] == 0)
        {
            return "BMP images are not on the allow-list; convert the image to PNG or JPEG.";
        }

        if (head.StartsWith("RIFF"u8) && head.Length >= 12 && head.Slice(8, 4).SequenceEqual("AVI "u8))
        {
            return "AVI videos are not on the allow-list; convert the video to MP4 or WebM.";
        }

        return null;
    }

    /// <summary>
    /// The first other format whose header appears after the start: a PDF or ZIP that is also something else.
    /// Offset 0 is the file's own header and is skipped.
    /// </summary>
    public static string? ForeignHeader(ReadOnlySpan<byte> head, string ownFormat, ReadOnlySpan<byte> ownSignature)
    {
        var window = head[..Math.Min(head.Length, InspectionLimits.ForeignHeaderScanBytes)][ownSignature.Length..];
        (string Name, byte[] Bytes)[] foreign =
        [
            ("ZIP", "PK\u0003\u0004"u8.ToArray()),
            ("PDF", "%PDF-"u8.ToArray()),
            ("PNG", Png.ToArray()),
            ("JPEG", [0xFF, 0xD8, 0xFF, 0xE0]),
            ("JPEG", [0xFF, 0xD8, 0xFF, 0xE1]),
            ("JPEG", [0xFF, 0xD8, 0xFF, 0xDB]),
            ("GIF", "GIF89a"u8.ToArray()),
            ("GIF", "GIF87a"u8.ToArray()),
            ("ELF", [0x7F, 0x45, 0x4C, 0x46]),
            ("Windows program", "This program cannot be run in DOS mode"u8.ToArray()),
            ("HTML", "<html"u8.ToArray()),
            ("HTML", "<script"u8.ToArray()),
        ];
        foreach (var (name, bytes) in foreign)
        {
            // A ZIP holds one local header per entry: its own signature repeating is no second format.
            if (name != ownFormat && IndexOfIgnoreAsciiCase(window, bytes) >= 0)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Markup a browser would run if it ever sniffed the file as HTML: the tell of an image/script polyglot.</summary>
    /// <remarks>
    /// Only tags of five bytes or more: compressed pixel data matches a four-byte tag such as "&lt;svg" case-insensitively
    /// about once in every ten thousand photos, which would refuse real files.
    /// </remarks>
    public static string? EmbeddedMarkup(ReadOnlySpan<byte> head)
    {
        var window = head[..Math.Min(head.Length, InspectionLimits.MarkupScanBytes)];
        foreach (var tag in new[] { "<script", "<html", "<?php", "<iframe" })
        {
            if (IndexOfIgnoreAsciiCase(window, Encoding.ASCII.GetBytes(tag)) >= 0)
            {
                return tag + ">";
            }
        }

        return null;
    }

    /// <summary>
    /// True when the file ends with a ZIP end-of-central-directory record whose comment reaches exactly to the end:
    /// what makes any file hiding an archive inside it open as a ZIP too.
    /// </summary>
    public static bool EndsWithZipDirectory(ByteCursor cursor)
    {
        const int RecordLength = 22;
        var tailLength = (int)Math.Min(cursor.Length, RecordLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        cursor.Position = cursor.Length - tailLength;
        cursor.ReadExactly(tail);
        var span = tail.AsSpan();
        for (var i = span.Length - RecordLength; i >= 0; i--)
        {
            if (span[i] == (byte)'P' && span.Slice(i, 4).SequenceEqual(ZipEmptyArchive)
                && i + RecordLength + BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(i + 20, 2)) == span.Length)
            {
                return true;
            }
        }

        return false;
    }

    public static int IndexOfIgnoreAsciiCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        if (needle.IsEmpty || haystack.Length < needle.Length)
        {
            return -1;
        }

        var first = needle[0];
        var firstUpper = (byte)char.ToUpperInvariant((char)first);
        var firstLower = (byte)char.ToLowerInvariant((char)first);
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack[i] != firstUpper && haystack[i] != firstLower)
            {
                continue;
            }

            var match = true;
            for (var j = 1; j < needle.Length && match; j++)
            {
                match = char.ToLowerInvariant((char)haystack[i + j]) == char.ToLowerInvariant((char)needle[j]);
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    // A DOS header points at its PE header (e_lfanew at 0x3C); a text that happens to start with "MZ" does not,
    // and carries no control bytes in its first 64 bytes.
    private static bool LooksLikeDosHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 0x40)
        {
            var peOffset = BinaryPrimitives.ReadInt32LittleEndian(head.Slice(0x3C, 4));
            if (peOffset > 0 && peOffset <= head.Length - 4 && head.Slice(peOffset, 4).SequenceEqual("PE\0\0"u8))
            {
                return true;
            }
        }

        foreach (var b in head[..Math.Min(head.Length, 0x40)])
        {
            if (b < 0x09 || b is > 0x0D and < 0x20)
            {
                return true;
            }
        }

        return false;
    }
}
