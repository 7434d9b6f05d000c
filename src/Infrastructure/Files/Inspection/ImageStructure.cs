using System.Buffers.Binary;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>
/// Walks an image's container to its end marker. A decoder stops reading at the end marker and ignores what
/// follows, so this walk is what finds appended archives or pages (polyglots) and files cut short.
/// </summary>
internal static class ImageStructure
{
    public static void WalkPng(ByteCursor cursor)
    {
        cursor.Position = Signatures.Png.Length;
        var first = true;
        Span<byte> header = stackalloc byte[8];
        while (true)
        {
            if (!cursor.TryRead(header))
            {
                throw RefusalException.Truncated("PNG");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = header[4..];
            if (length > int.MaxValue || !IsChunkType(type))
            {
                throw RefusalException.Damaged("PNG", "a chunk header is not valid");
            }

            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length < 8)
                {
                    throw RefusalException.Damaged("PNG", "it does not start with an image header");
                }

                var width = cursor.ReadUInt32BigEndian();
                var height = cursor.ReadUInt32BigEndian();
                CheckSize(width, height);
                cursor.Position -= 8;
                first = false;
            }

            var next = cursor.Position + length + 4;
            if (next > cursor.Length)
            {
                throw RefusalException.Truncated("PNG");
            }

            cursor.Position = next;
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        RequireNothingAfterEnd(cursor, "PNG", "the IEND chunk");
    }

    public static void WalkJpeg(ByteCursor cursor)
    {
        cursor.Position = 0;
        WalkOneJpeg(cursor);
        var trailer = cursor.Position;

        // Multi-Picture Format: a camera's further images follow the first, each a whole JPEG of its own.
        for (var appended = 0; appended < InspectionLimits.MaxAppendedJpegs; appended++)
        {
            var start = SkipZeroBytes(cursor);
            if (start < 0 || !StartsWithJpeg(cursor, start))
            {
                break;
            }

            cursor.Position = start;
            WalkOneJpeg(cursor);
            trailer = cursor.Position;
        }

        if (IsMotionPhotoVideo(cursor, trailer) || IsSamsungTrailer(cursor, trailer))
        {
            return;
        }

        cursor.Position = trailer;
        RequireNothingAfterEnd(cursor, "JPEG", "the end-of-image marker FFD9");
    }

    // Google and Samsung "motion photos" append the clip as a whole MP4 after the still; boxes must reach the end exactly.
    private static bool IsMotionPhotoVideo(ByteCursor cursor, long start)
    {
        cursor.Position = start;
        Span<byte> head = stackalloc byte[8];
        return cursor.TryRead(head) && head[4..].SequenceEqual("ftyp"u8) && IsoMedia.BoxesReachEnd(cursor, start);
    }

    /// <summary>
    /// Samsung cameras end their JPEGs with a "SEFH ... SEFT" trailer of their own metadata. It is accepted only
    /// when it holds no markup a browser would run and no other document format.
    /// </summary>
    private static bool IsSamsungTrailer(ByteCursor cursor, long start)
    {
        if (cursor.Length - start < 8)
        {
            return false;
        }

        cursor.Position = cursor.Length - 4;
        Span<byte> footer = stackalloc byte[4];
        if (!cursor.TryRead(footer) || !footer.SequenceEqual("SEFT"u8))
        {
            return false;
        }

        var window = new byte[64 * 1024];
        const int Overlap = 16;
        for (var position = start; position < cursor.Length; position += window.Length - Overlap)
        {
            cursor.Position = position;
            var length = (int)Math.Min(window.Length, cursor.Length - position);
            cursor.ReadExactly(window.AsSpan(0, length));
            var span = window.AsSpan(0, length);
            if (Signatures.EmbeddedMarkup(span) is not null || Signatures.IndexOfIgnoreAsciiCase(span, "%PDF-"u8) >= 0)
            {
                return false;
            }

            if (position + length >= cursor.Length)
            {
                break;
            }
        }

        return true;
    }

    public static void WalkGif(ByteCursor cursor)
    {
        if (cursor.Length < 13)
        {
            throw RefusalException.Truncated("GIF");
        }

        cursor.Position = 10;
        var packed = cursor.ReadByte();
        if (packed < 0)
        {
            throw RefusalException.Truncated("GIF");
        }

        cursor.Position = 6;
        var width = (uint)(cursor.ReadByte() | (cursor.ReadByte() << 8));
        var height = (uint)(cursor.ReadByte() | (cursor.ReadByte() << 8));
        CheckSize(width, height);

        cursor.Position = 13 + ColorTableSize(packed);
        Span<byte> descriptor = stackalloc byte[9];
        while (true)
        {
            switch (cursor.ReadByte())
            {
                case 0x2C:
                    if (!cursor.TryRead(descriptor))
                    {
                        throw RefusalException.Truncated("GIF");
                    }

                    cursor.Position += ColorTableSize(descriptor[8]) + 1;
                    SkipSubBlocks(cursor);
                    break;
                case 0x21:
                    cursor.Position += 1;
                    SkipSubBlocks(cursor);
                    break;
                case 0x3B:
                    RequireNothingAfterEnd(cursor, "GIF", "the trailer byte 3B");
                    return;
                case -1:
                    throw RefusalException.Truncated("GIF");
                default:
                    throw RefusalException.Damaged("GIF", "an unknown block");
            }
        }
    }

    public static void WalkWebP(ByteCursor cursor)
    {
        cursor.Position = 4;
        Span<byte> size = stackalloc byte[4];
        cursor.ReadExactly(size);

        // The RIFF size counts from byte 8 and includes the pad byte of an odd-sized last chunk.
        var end = 8L + BinaryPrimitives.ReadUInt32LittleEndian(size);
        if (end > cursor.Length)
        {
            throw RefusalException.Truncated("WebP");
        }

        cursor.Position = end;
        RequireNothingAfterEnd(cursor, "WebP", "the RIFF container");
    }

    public static void CheckSize(long width, long height)
    {
        if (width == 0 || height == 0)
        {
            throw new RefusalException("The image has no pixels (its width or height is 0).");
        }

        if (width > InspectionLimits.MaxImageSide || height > InspectionLimits.MaxImageSide
            || width * height > InspectionLimits.MaxImagePixels)
        {
            throw new RefusalException(
                $"The image is {width} x {height} pixels; the limit is {InspectionLimits.MaxImageSide:N0} a side and {InspectionLimits.MaxImagePixels / 1_000_000} megapixels.");
        }
    }

    private static void WalkOneJpeg(ByteCursor cursor)
    {
        cursor.Position += 2;
        while (true)
        {
            var b = cursor.ReadByte();
            if (b < 0)
            {
                throw RefusalException.Truncated("JPEG");
            }

            if (b != 0xFF)
            {
                throw RefusalException.Damaged("JPEG", "a segment does not start with a marker");
            }

            int marker;
            do
            {
                marker = cursor.ReadByte();
            }
            while (marker == 0xFF);

            switch (marker)
            {
                case < 0:
                    throw RefusalException.Truncated("JPEG");
                case 0xD9:
                    return;
                case (>= 0xD0 and <= 0xD7) or 0x01:
                    continue;
                case 0x00:
                    throw RefusalException.Damaged("JPEG", "a stray byte where a marker should be");
            }

            if (cursor.Remaining < 2)
            {
                throw RefusalException.Truncated("JPEG");
            }

            var length = cursor.ReadUInt16BigEndian();
            if (length < 2)
            {
                throw RefusalException.Damaged("JPEG", "a segment length is not valid");
            }

            var segmentEnd = cursor.Position + length - 2;
            if (segmentEnd > cursor.Length)
            {
                throw RefusalException.Truncated("JPEG");
            }

            if (IsStartOfFrame(marker) && length >= 7)
            {
                cursor.Position += 1;
                var height = cursor.ReadUInt16BigEndian();
                var width = cursor.ReadUInt16BigEndian();
                CheckSize(width, height);
            }

            cursor.Position = segmentEnd;
            if (marker == 0xDA)
            {
                SkipEntropyCodedData(cursor);
            }
        }
    }

    // Scan data runs until a marker that is neither a stuffed zero (FF00) nor a restart marker (FFD0-FFD7).
    private static void SkipEntropyCodedData(ByteCursor cursor)
    {
        while (true)
        {
            var b = cursor.ReadByte();
            if (b < 0)
            {
                throw RefusalException.Truncated("JPEG");
            }

            if (b != 0xFF)
            {
                continue;
            }

            var next = cursor.ReadByte();
            while (next == 0xFF)
            {
                next = cursor.ReadByte();
            }

            if (next < 0)
            {
                throw RefusalException.Truncated("JPEG");
            }

            if (next == 0x00 || next is >= 0xD0 and <= 0xD7)
            {
                continue;
            }

            cursor.Position -= 2;
            return;
        }
    }

    private static bool IsStartOfFrame(int marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static long SkipZeroBytes(ByteCursor cursor)
    {
        int b;
        while ((b = cursor.ReadByte()) == 0)
        {
        }

        return b < 0 ? -1 : cursor.Position - 1;
    }

    private static bool StartsWithJpeg(ByteCursor cursor, long start)
    {
        cursor.Position = start;
        Span<byte> head = stackalloc byte[3];
        return cursor.TryRead(head) && head.SequenceEqual(Signatures.Jpeg);
    }

    private static void SkipSubBlocks(ByteCursor cursor)
    {
        while (true)
        {
            var size = cursor.ReadByte();
            if (size < 0)
            {
                throw RefusalException.Truncated("GIF");
            }

            if (size == 0)
            {
                return;
            }

            cursor.Position += size;
        }
    }

    private static int ColorTableSize(int packed) => (packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (b is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')))
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireNothingAfterEnd(ByteCursor cursor, string format, string endMarker)
    {
        if (cursor.Position > cursor.Length)
        {
            throw RefusalException.Truncated(format);
        }

        if (!cursor.RestIsZeroPadding())
        {
            throw RefusalException.DataAfterEnd(format, endMarker);
        }
    }
}
