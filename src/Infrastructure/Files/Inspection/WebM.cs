using System.Buffers.Binary;
using System.Text;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>
/// WebM: EBML elements (a variable-length id, a variable-length size, the data). Only the header, Segment/Info and
/// Segment/Tracks are read; clusters of media data are skipped by seeking.
/// </summary>
internal static class WebM
{
    private const uint EbmlHeaderId = 0x1A45DFA3;
    private const uint DocTypeId = 0x4282;
    private const uint SegmentId = 0x18538067;
    private const uint InfoId = 0x1549A966;
    private const uint TimecodeScaleId = 0x2AD7B1;
    private const uint DurationId = 0x4489;
    private const uint TracksId = 0x1654AE6B;
    private const uint TrackEntryId = 0xAE;
    private const uint TrackTypeId = 0x83;
    private const uint VideoId = 0xE0;
    private const uint PixelWidthId = 0xB0;
    private const uint PixelHeightId = 0xBA;
    private const uint ClusterId = 0x1F43B675;
    private const ulong VideoTrackType = 1;

    public sealed record Movie(TimeSpan? Duration, int? Width, int? Height, bool HasVideo, bool SawTracks);

    /// <summary>Checks the EBML header says WebM and that the Segment neither runs past the end nor has bytes after it.</summary>
    public static void Walk(ByteCursor cursor)
    {
        var docType = ReadDocType(cursor);
        if (docType == "matroska")
        {
            throw new RefusalException("Matroska (.mkv) videos are not on the allow-list; WebM, MP4 and MOV are.");
        }

        if (docType != "webm")
        {
            throw new RefusalException($"This EBML file (document type '{docType}') is not a WebM video.");
        }

        var (id, size, dataStart) = ReadElementHeader(cursor) ?? throw RefusalException.Truncated("WebM");
        if (id != SegmentId)
        {
            throw RefusalException.Damaged("WebM", "no Segment follows the header");
        }

        if (size is { } known)
        {
            var end = dataStart + (long)known;
            if (end > cursor.Length)
            {
                throw RefusalException.Truncated("WebM");
            }

            cursor.Position = end;
            if (!cursor.RestIsZeroPadding())
            {
                throw RefusalException.DataAfterEnd("WebM", "its Segment");
            }
        }

        var movie = ReadMovie(cursor);
        if (!movie.SawTracks)
        {
            throw RefusalException.Damaged("WebM", "it has no track list");
        }

        if (!movie.HasVideo)
        {
            throw new RefusalException("The WebM file has no video track; audio-only files are not accepted.");
        }
    }

    /// <summary>Duration (Info/Duration x TimecodeScale) and the first video track's pixel size, where present.</summary>
    public static Movie ReadMovie(ByteCursor cursor)
    {
        ReadDocType(cursor);
        var segment = ReadElementHeader(cursor);
        if (segment is not { Id: SegmentId } s)
        {
            return new Movie(null, null, null, false, false);
        }

        var segmentEnd = s.Size is { } known ? Math.Min(s.DataStart + (long)known, cursor.Length) : cursor.Length;
        double? duration = null;
        ulong timecodeScale = 1_000_000;
        int? width = null;
        int? height = null;
        bool hasVideo = false, sawInfo = false, sawTracks = false;
        while (cursor.Position < segmentEnd && !(sawInfo && sawTracks) && ReadElementHeader(cursor) is { } element)
        {
            // WebM puts its metadata before the media clusters (a live recording's cluster has no size at all).
            if (element.Id == ClusterId || element.Size is not { } size)
            {
                break;
            }

            var end = Math.Min(element.DataStart + (long)size, segmentEnd);
            switch (element.Id)
            {
                case InfoId:
                    sawInfo = true;
                    foreach (var child in Children(cursor, end))
                    {
                        if (child.Id == TimecodeScaleId)
                        {
                            timecodeScale = ReadUnsigned(cursor, child.Size);
                        }
                        else if (child.Id == DurationId)
                        {
                            duration = ReadFloat(cursor, child.Size);
                        }
                    }

                    break;
                case TracksId:
                    sawTracks = true;
                    foreach (var entry in Children(cursor, end).Where(e => e.Id == TrackEntryId).ToList())
                    {
                        var track = ReadTrackEntry(cursor, entry.DataStart, entry.DataStart + (long)entry.Size);
                        if (track.IsVideo && !hasVideo)
                        {
                            hasVideo = true;
                            (width, height) = (track.Width, track.Height);
                        }
                    }

                    break;            }

            cursor.Position = end;
        }

        TimeSpan? length = duration is { } d && d >= 0 && timecodeScale > 0
            ? TimeSpan.FromTicks((long)(d * timecodeScale / 100))
            : null;
        return new Movie(length, width, height, hasVideo, sawTracks);
    }

    private static (bool IsVideo, int? Width, int? Height) ReadTrackEntry(ByteCursor cursor, long start, long end)
    {
        cursor.Position = start;
        bool isVideo = false;
        int? width = null;
        int? height = null;
        foreach (var child in Children(cursor, end).ToList())
        {
            if (child.Id == TrackTypeId)
            {
                cursor.Position = child.DataStart;
                isVideo = ReadUnsigned(cursor, child.Size) == VideoTrackType;
            }
            else if (child.Id == VideoId)
            {
                isVideo = true;
                cursor.Position = child.DataStart;
                foreach (var dimension in Children(cursor, child.DataStart + (long)child.Size))
                {
                    if (dimension.Id == PixelWidthId)
                    {
                        width = (int)Math.Min(int.MaxValue, ReadUnsigned(cursor, dimension.Size));
                    }
                    else if (dimension.Id == PixelHeightId)
                    {
                        height = (int)Math.Min(int.MaxValue, ReadUnsigned(cursor, dimension.Size));
                    }
                }
            }
        }

        return (isVideo, width, height);
    }

    /// <summary>
    /// The child elements up to <paramref name="end"/>; the cursor is at each child's data when it is yielded and is
    /// moved past it afterwards, whatever the caller read.
    /// </summary>
    private static IEnumerable<(uint Id, ulong Size, long DataStart)> Children(ByteCursor cursor, long end)
    {
        while (cursor.Position < end && ReadElementHeader(cursor) is { Size: { } size } child)
        {
            var childEnd = child.DataStart + (long)size;
            if (childEnd > end)
            {
                yield break;
            }

            yield return (child.Id, size, child.DataStart);
            cursor.Position = childEnd;
        }
    }

    private static string ReadDocType(ByteCursor cursor)
    {
        cursor.Position = 0;
        var header = ReadElementHeader(cursor);
        if (header is not { Id: EbmlHeaderId, Size: { } size } || size > 4096)
        {
            throw RefusalException.Damaged("WebM", "the EBML header is not valid");
        }

        var end = header.Value.DataStart + (long)size;
        var docType = "";
        Span<byte> text = stackalloc byte[64];
        foreach (var child in Children(cursor, end))
        {
            if (child.Id == DocTypeId && child.Size <= 64)
            {
                var value = text[..(int)child.Size];
                cursor.ReadExactly(value);
                docType = Encoding.ASCII.GetString(value).TrimEnd('\0');
            }
        }

        cursor.Position = end;
        return docType;
    }

    /// <summary>An element's id (marker bits kept, as the specification writes ids) and size (null when unknown).</summary>
    private static (uint Id, ulong? Size, long DataStart)? ReadElementHeader(ByteCursor cursor)
    {
        var first = cursor.ReadByte();
        if (first <= 0)
        {
            return null;
        }

        var idLength = System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;
        if (idLength > 4)
        {
            return null;
        }

        uint id = (uint)first;
        for (var i = 1; i < idLength; i++)
        {
            var b = cursor.ReadByte();
            if (b < 0)
            {
                return null;
            }

            id = (id << 8) | (uint)b;
        }

        var sizeFirst = cursor.ReadByte();
        if (sizeFirst <= 0)
        {
            return null;
        }

        var sizeLength = System.Numerics.BitOperations.LeadingZeroCount((uint)sizeFirst) - 23;
        ulong size = (ulong)sizeFirst & (0xFFUL >> sizeLength);
        var allOnes = size == 0xFFUL >> sizeLength;
        for (var i = 1; i < sizeLength; i++)
        {
            var b = cursor.ReadByte();
            if (b < 0)
            {
                return null;
            }

            allOnes &= b == 0xFF;
            size = (size << 8) | (uint)b;
        }

        if (size > long.MaxValue / 2)
        {
            return null;
        }

        return (id, allOnes ? null : size, cursor.Position);
    }

    private static ulong ReadUnsigned(ByteCursor cursor, ulong size) =>
        size is > 0 and <= 8 ? cursor.ReadBigEndian((int)size) : 0;

    private static double? ReadFloat(ByteCursor cursor, ulong size)
    {
        Span<byte> bytes = stackalloc byte[8];
        switch (size)
        {
            case 4:
                cursor.ReadExactly(bytes[..4]);
                return BinaryPrimitives.ReadSingleBigEndian(bytes);
            case 8:
                cursor.ReadExactly(bytes);
                return BinaryPrimitives.ReadDoubleBigEndian(bytes);
            default:
                return null;
        }
    }
}
