using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace BrandAutomator.Infrastructure.Tests.Files.Inspection;

/// <summary>Every sample file the inspection tests use, made in memory: no binary fixtures in the repository.</summary>
internal static class Samples
{
    public static byte[] Png(int width, int height) => Encode(Picture(width, height), SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Encode(Picture(width, height), SKEncodedImageFormat.Jpeg);

    public static byte[] WebP(int width, int height) => Encode(Picture(width, height), SKEncodedImageFormat.Webp);

    /// <summary>Left half red, right half blue: after a rotation the halves tell which way it turned.</summary>
    public static byte[] SplitJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }

        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    /// <summary>Inserts an EXIF APP1 segment with only an Orientation tag right after the JPEG's SOI marker.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(LittleEndian32(8));
        tiff.AddRange(LittleEndian16(1));
        tiff.AddRange(LittleEndian16(0x0112));
        tiff.AddRange(LittleEndian16(3));
        tiff.AddRange(LittleEndian32(1));
        tiff.AddRange(LittleEndian16(orientation));
        tiff.AddRange(LittleEndian16(0));
        tiff.AddRange(LittleEndian32(0));
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new List<byte> { 0xFF, 0xE1 };
        segment.AddRange(BigEndian16(payload.Length + 2));
        segment.AddRange(payload);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>
    /// A GIF written by hand (SkiaSharp has no GIF encoder): LZW with a 7-bit palette and a clear code before every
    /// 126 pixels, so each code stays 8 bits wide and is one byte.
    /// </summary>
    public static byte[] Gif(int width, int height, string? comment = null)
    {
        var gif = new List<byte>();
        gif.AddRange("GIF89a"u8.ToArray());
        gif.AddRange(LittleEndian16(width));
        gif.AddRange(LittleEndian16(height));
        gif.Add(0x80 | 0x70 | 0x06);
        gif.Add(0);
        gif.Add(0);
        for (var i = 0; i < 128; i++)
        {
            gif.AddRange([(byte)(i * 2), (byte)(255 - (i * 2)), (byte)i]);
        }

        if (comment is not null)
        {
            gif.AddRange([0x21, 0xFE]);
            AddSubBlocks(gif, Encoding.ASCII.GetBytes(comment));
        }

        gif.Add(0x2C);
        gif.AddRange(LittleEndian16(0));
        gif.AddRange(LittleEndian16(0));
        gif.AddRange(LittleEndian16(width));
        gif.AddRange(LittleEndian16(height));
        gif.Add(0);
        gif.Add(7);
        var codes = new List<byte>();
        for (var pixel = 0; pixel < width * height; pixel++)
        {
            if (pixel % 126 == 0)
            {
                codes.Add(128);
            }

            codes.Add((byte)((pixel % width + pixel / width) % 128));
        }

        codes.Add(129);
        AddSubBlocks(gif, codes.ToArray());
        gif.Add(0x3B);
        return gif.ToArray();
    }

    /// <summary>ftyp, moov (mvhd + one trak with tkhd and a handler), mdat; moov first or, as cameras write it, last.</summary>
    public static byte[] Mp4(
        string majorBrand = "isom", uint timescale = 1000, uint duration = 5500, int width = 640, int height = 360,
        string handler = "vide", bool movieLast = false, int mediaBytes = 1024, bool quarterTurn = false)
    {
        var ftyp = Box("ftyp", Ascii(majorBrand), BigEndian32(0x200), Ascii("isom"), Ascii("iso2"), Ascii("mp41"));
        if (majorBrand == "qt  ")
        {
            ftyp = Box("ftyp", Ascii("qt  "), BigEndian32(0x200), Ascii("qt  "));
        }

        var mvhd = Box("mvhd", new byte[4], BigEndian32(0), BigEndian32(0), BigEndian32(timescale), BigEndian32(duration),
            BigEndian32(0x00010000), BigEndian16(0x0100), new byte[10], Matrix(false), new byte[24], BigEndian32(2));
        var tkhd = Box("tkhd", [0, 0, 0, 3], BigEndian32(0), BigEndian32(0), BigEndian32(1), BigEndian32(0), BigEndian32(duration),
            new byte[8], BigEndian16(0), BigEndian16(0), BigEndian16(0), BigEndian16(0), Matrix(quarterTurn),
            BigEndian32((uint)width << 16), BigEndian32((uint)height << 16));
        var hdlr = Box("hdlr", new byte[4], BigEndian32(0), Ascii(handler), new byte[12], Ascii("Handler\0"));
        var moov = Box("moov", mvhd, Box("trak", tkhd, Box("mdia", hdlr)));
        var mdat = Box("mdat", Enumerable.Range(0, mediaBytes).Select(i => (byte)i).ToArray());
        return movieLast ? [.. ftyp, .. mdat, .. moov] : [.. ftyp, .. moov, .. mdat];
    }

    /// <summary>EBML header (DocType), then Segment with Info (TimecodeScale, Duration), Tracks (one video) and a Cluster.</summary>
    public static byte[] WebM(int width = 320, int height = 240, double durationMs = 2500, string docType = "webm")
    {
        var header = Element([0x1A, 0x45, 0xDF, 0xA3],
            Element([0x42, 0x86], [1]), Element([0x42, 0xF7], [1]), Element([0x42, 0xF2], [4]), Element([0x42, 0xF3], [8]),
            Element([0x42, 0x82], Ascii(docType)), Element([0x42, 0x87], [4]), Element([0x42, 0x85], [2]));
        var durationBytes = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(durationBytes, durationMs);
        var info = Element([0x15, 0x49, 0xA9, 0x66], Element([0x2A, 0xD7, 0xB1], BigEndian32(1_000_000)), Element([0x44, 0x89], durationBytes));
        var tracks = Element([0x16, 0x54, 0xAE, 0x6B],
            Element([0xAE],
                Element([0xD7], [1]), Element([0x83], [1]), Element([0x86], Ascii("V_VP9")),
                Element([0xE0], Element([0xB0], BigEndian16(width)), Element([0xBA], BigEndian16(height)))));
        var cluster = Element([0x1F, 0x43, 0xB6, 0x75], Element([0xE7], [0]), Element([0xA3], new byte[64]));
        return [.. header, .. Element([0x18, 0x53, 0x80, 0x67], info, tracks, cluster)];
    }

    /// <summary>A PDF with one page per entry, each line of text on its own row.</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 40;
            }
        }

        return builder.Build();
    }

    public static byte[] Docx(IEnumerable<string> paragraphs, IEnumerable<string[]>? tableRows = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(paragraphs.Select(text => new Paragraph(new Run(new Text(text)))));
            if (tableRows is not null)
            {
                body.Append(new Table(tableRows.Select(cells =>
                    new TableRow(cells.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))))));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    public static byte[] WithZipEntry(byte[] zip, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(name).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A "DOCX" whose document part is <paramref name="zeroBytes"/> of zeros, streamed through the compressor so the
    /// test never holds them: 300 MB of zeros become well under a megabyte.
    /// </summary>
    public static byte[] ZipBombDocx(long zeroBytes)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = archive.CreateEntry("[Content_Types].xml").Open())
            {
                types.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8);
            }

            using var document = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < zeroBytes; written += zeros.Length)
            {
                document.Write(zeros, 0, (int)Math.Min(zeros.Length, zeroBytes - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites an entry's uncompressed size in both its local header and the central directory.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entryName, uint declaredSize)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes.AsSpan(i, 4).SequenceEqual("PK\u0003\u0004"u8) && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declaredSize);
            }

            if (bytes.AsSpan(i, 4).SequenceEqual("PK\u0001\u0002"u8) && bytes.AsSpan(i + 46, Math.Min(name.Length, bytes.Length - i - 46)).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declaredSize);
            }
        }

        return bytes;
    }

    /// <summary>The first bytes of a 64-bit Linux executable.</summary>
    public static byte[] Elf()
    {
        var elf = new byte[128];
        elf[0] = 0x7F;
        "ELF"u8.CopyTo(elf.AsSpan(1));
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        elf[16] = 2;
        elf[18] = 0x3E;
        return elf;
    }

    /// <summary>A DOS header pointing at a PE header, as every Windows .exe and .dll starts.</summary>
    public static byte[] WindowsExecutable()
    {
        var exe = new byte[256];
        "MZ"u8.CopyTo(exe);
        BinaryPrimitives.WriteInt32LittleEndian(exe.AsSpan(0x3C), 0x80);
        "This program cannot be run in DOS mode."u8.CopyTo(exe.AsSpan(0x4E));
        "PE\0\0"u8.CopyTo(exe.AsSpan(0x80));
        BinaryPrimitives.WriteUInt16LittleEndian(exe.AsSpan(0x84), 0x8664);
        return exe;
    }

    /// <summary>A PNG signature and an image header claiming <paramref name="width"/> x <paramref name="height"/>; nothing else.</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        return [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. BigEndian32(13), .. "IHDR"u8.ToArray(), .. ihdr, .. new byte[4]];
    }

    public static SKBitmap DecodePng(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidDataException("Not a PNG.");

    private static SKBitmap Picture(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Orange, SKColors.Teal], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, height, paint);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        {
            using var data = bitmap.Encode(format, 90) ?? throw new InvalidOperationException($"SkiaSharp cannot encode {format}.");
            return data.ToArray();
        }
    }

    private static void AddSubBlocks(List<byte> target, byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += 255)
        {
            var length = Math.Min(255, data.Length - offset);
            target.Add((byte)length);
            target.AddRange(data.AsSpan(offset, length).ToArray());
        }

        target.Add(0);
    }

    private static byte[] Box(string type, params byte[][] content)
    {
        var length = 8 + content.Sum(c => c.Length);
        return [.. BigEndian32((uint)length), .. Ascii(type), .. content.SelectMany(c => c)];
    }

    private static byte[] Element(byte[] id, params byte[][] content)
    {
        var data = content.SelectMany(c => c).ToArray();
        byte[] size = data.Length < 0x7F
            ? [(byte)(0x80 | data.Length)]
            : [0x10, (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length];
        return [.. id, .. size, .. data];
    }

    private static byte[] Matrix(bool quarterTurn)
    {
        uint one = 0x00010000;
        uint[] values = quarterTurn
            ? [0, one, 0, unchecked((uint)-0x00010000), 0, 0, 0, 0, 0x40000000]
            : [one, 0, 0, 0, one, 0, 0, 0, 0x40000000];
        return values.SelectMany(BigEndian32).ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] BigEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] LittleEndian32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    private static byte[] LittleEndian16(int value) => [(byte)value, (byte)(value >> 8)];
}
