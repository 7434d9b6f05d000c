using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace BrandAutomator.TestSupport;

/// <summary>Real files of every accepted type, and hostile ones, made on the fly so that no binary sits in the repository.</summary>
public static class SampleFiles
{
    public static byte[] Png(int width, int height, SKColor? colour = null) => Encode(width, height, colour ?? SKColors.SteelBlue, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKColors.Goldenrod, SKEncodedImageFormat.Jpeg);

    public static byte[] WebP(int width, int height) => Encode(width, height, SKColors.SeaGreen, SKEncodedImageFormat.Webp);

    /// <summary>A 1x1 GIF89a (Skia does not write GIFs).</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    public static byte[] Pdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780d;
            foreach (var line in Wrap(text, 80))
            {
                page.AddText(line, 11, new UglyToad.PdfPig.Core.PdfPoint(40, y), font);
                y -= 16;
            }
        }

        return builder.Build();
    }

    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        }

        return stream.ToArray();
    }

    /// <summary>A minimal valid MP4: ftyp, moov (mvhd with 60 s at 1000/s, one 1920x1080 track), empty mdat.</summary>
    public static byte[] Mp4()
    {
        var mvhd = Box("mvhd", [.. new byte[4], .. U32(0), .. U32(0), .. U32(1000), .. U32(60_000), .. U32(0x00010000), 0x01, 0x00, .. new byte[10],
            .. Matrix(), .. new byte[24], .. U32(2)]);
        var tkhd = Box("tkhd", [0, 0, 0, 3, .. U32(0), .. U32(0), .. U32(1), .. U32(0), .. U32(60_000), .. new byte[8], .. new byte[8],
            .. Matrix(), .. U32(1920u << 16), .. U32(1080u << 16)]);
        return [.. Box("ftyp", [.. "isom"u8, .. U32(512), .. "isomiso2avc1mp41"u8]), .. Box("moov", [.. mvhd, .. Box("trak", tkhd)]), .. Box("mdat", new byte[64])];
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Elf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[120]];

    public static byte[] WindowsExecutable() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, .. new byte[200]];

    public static byte[] ShellScript() => Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf / --no-preserve-root\n");

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script></svg>");

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

    /// <summary>A PNG with a ZIP archive appended: valid as both, a classic way to smuggle content.</summary>
    public static byte[] PngZipPolyglot()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("payload.html").Open());
            entry.Write("<script>alert(1)</script>");
        }

        return [.. Png(32, 32), .. zip.ToArray()];
    }

    public static byte[] TruncatedPng() => Png(400, 300)[..200];

    /// <summary>A DOCX-looking ZIP whose document part inflates to 300 MB of zeros (a few hundred KB on disk).</summary>
    public static byte[] ZipBombDocx()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var document = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                document.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    public static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

    private static byte[] Encode(int width, int height, SKColor colour, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length == 0 ? "" : " ").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static byte[] Box(string type, byte[] payload) => [.. U32((uint)(payload.Length + 8)), .. Encoding.ASCII.GetBytes(type), .. payload];

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Matrix() =>
        [.. U32(0x00010000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x00010000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x40000000)];
}
