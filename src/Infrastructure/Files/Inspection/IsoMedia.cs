using System.Text;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>
/// ISO base media files (MP4, MOV): a sequence of boxes, each a size and a four-letter type. Only box headers and the
/// few small boxes that hold metadata are read; media data (mdat) is skipped by seeking, whatever its size.
/// </summary>
internal static class IsoMedia
{
    private static readonly HashSet<string> Mp4Brands = new(StringComparer.Ordinal)
    {
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "MSNV", "dash",
    };

    private static readonly HashSet<string> StillImageBrands = new(StringComparer.Ordinal)
    {
        "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis",
    };

    private const string QuickTimeBrand = "qt  ";

    /// <summary>MP4 or MOV as (media type, extension); the brands decide, the file name never does.</summary>
    public static (string MediaType, string Extension) Identify(ByteCursor cursor)
    {
        cursor.Position = 0;
        var size = cursor.ReadUInt32BigEndian();
        cursor.Position = 8;
        if (size < 16 || size > 4096)
        {
            throw RefusalException.Damaged("MP4", "the file type box is not valid");
        }

        var brands = new List<string> { ReadFourCc(cursor) };
        cursor.Position = 16;
        while (cursor.Position + 4 <= size)
        {
            brands.Add(ReadFourCc(cursor));
        }

        if (StillImageBrands.Contains(brands[0]))
        {
            throw new RefusalException("HEIC and AVIF images are not on the allow-list; export the photo as JPEG or PNG.");
        }

        if (brands[0] == QuickTimeBrand)
        {
            return ("video/quicktime", ".mov");
        }

        if (brands.Exists(Mp4Brands.Contains))
        {
            return ("video/mp4", ".mp4");
        }

        throw new RefusalException($"This ISO media file (brand '{brands[0].Trim()}') is not an MP4 or MOV video.");
    }

    /// <summary>
    /// Checks that the top-level boxes tile the file exactly, with a movie header and a video track: a box running
    /// past the end means a cut file, bytes that are no box mean another format was appended.
    /// </summary>
    public static void Walk(ByteCursor cursor, string format, CancellationToken cancellationToken)
    {
        cursor.Position = 0;
        var sawMovie = false;
        var boxes = 0;
        while (cursor.Position < cursor.Length)
        {
            if (++boxes % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!TryReadBoxHeader(cursor, out var type, out var end))
            {
                if (cursor.RestIsZeroPadding())
                {
                    break;
                }

                throw RefusalException.DataAfterEnd(format, "its last box");
            }

            if (end > cursor.Length)
            {
                throw RefusalException.Truncated(format);
            }

            sawMovie |= type == "moov";
            cursor.Position = end;
        }

        if (!sawMovie)
        {
            throw new RefusalException($"The {format} file has no movie header (moov box): it is incomplete or not a playable video.");
        }

        var movie = ReadMovie(cursor);
        if (!movie.HasVideo)
        {
            throw new RefusalException($"The {format} file has no video track; audio-only files are not accepted.");
        }
    }

    public sealed record Movie(TimeSpan? Duration, int? Width, int? Height, bool HasVideo);

    /// <summary>Duration from moov/mvhd and frame size from the video track's tkhd, as the container states them.</summary>
    public static Movie ReadMovie(ByteCursor cursor)
    {
        cursor.Position = 0;
        while (cursor.Position < cursor.Length && TryReadBoxHeader(cursor, out var type, out var end))
        {
            if (type == "moov")
            {
                return ReadMovieBox(cursor, Math.Min(end, cursor.Length));
            }

            cursor.Position = end;
        }

        return new Movie(null, null, null, false);
    }

    private static Movie ReadMovieBox(ByteCursor cursor, long moovEnd)
    {
        TimeSpan? duration = null;
        (int Width, int Height)? videoSize = null;
        (int Width, int Height)? anySize = null;
        var hasVideo = false;
        while (cursor.Position < moovEnd && TryReadBoxHeader(cursor, out var type, out var end))
        {
            var boxEnd = Math.Min(end, moovEnd);
            if (type == "mvhd")
            {
                duration = ReadMovieHeader(cursor);
            }
            else if (type == "trak")
            {
                var track = ReadTrack(cursor, boxEnd);
                if (track.IsVideo)
                {
                    hasVideo = true;
                    videoSize ??= track.Size;
                }
                else if (track.Size is { Width: > 0, Height: > 0 })
                {
                    anySize ??= track.Size;
                }
            }

            cursor.Position = boxEnd;
        }

        // Without a handler box, a track with a frame size is the video one.
        var size = videoSize ?? anySize;
        hasVideo |= anySize is not null;
        return new Movie(duration, size?.Width, size?.Height, hasVideo);
    }

    private static TimeSpan? ReadMovieHeader(ByteCursor cursor)
    {
        var version = cursor.ReadByte();
        cursor.Position += 3;
        ulong timescale;
        ulong duration;
        if (version == 1)
        {
            cursor.Position += 16;
            timescale = cursor.ReadUInt32BigEndian();
            duration = cursor.ReadBigEndian(8);
            if (duration == ulong.MaxValue)
            {
                return null;
            }
        }
        else
        {
            cursor.Position += 8;
            timescale = cursor.ReadUInt32BigEndian();
            duration = cursor.ReadUInt32BigEndian();
            if (duration == uint.MaxValue)
            {
                return null;
            }
        }

        if (timescale == 0)
        {
            return null;
        }

        var seconds = (double)duration / timescale;
        return seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static (bool IsVideo, (int Width, int Height)? Size) ReadTrack(ByteCursor cursor, long trakEnd)
    {
        (int, int)? size = null;
        var isVideo = false;
        while (cursor.Position < trakEnd && TryReadBoxHeader(cursor, out var type, out var end))
        {
            var boxEnd = Math.Min(end, trakEnd);
            if (type == "tkhd")
            {
                size = ReadTrackHeader(cursor);
            }
            else if (type == "mdia")
            {
                isVideo = ReadHandlerIsVideo(cursor, boxEnd);
            }

            cursor.Position = boxEnd;
        }

        return (isVideo, size);
    }

    private static (int Width, int Height) ReadTrackHeader(ByteCursor cursor)
    {
        var version = cursor.ReadByte();
        cursor.Position += 3;

        // creation, modification, track id, reserved, duration: 20 bytes in version 0, 32 in version 1; then 16 more fixed.
        cursor.Position += (version == 1 ? 32 : 20) + 16;
        Span<int> matrix = stackalloc int[9];
        for (var i = 0; i < 9; i++)
        {
            matrix[i] = unchecked((int)cursor.ReadUInt32BigEndian());
        }

        // 16.16 fixed point.
        var width = (int)(cursor.ReadUInt32BigEndian() >> 16);
        var height = (int)(cursor.ReadUInt32BigEndian() >> 16);

        // A phone held upright records a landscape frame and a quarter-turn matrix (a = d = 0).
        return matrix[0] == 0 && matrix[4] == 0 && matrix[1] != 0 ? (height, width) : (width, height);
    }

    private static bool ReadHandlerIsVideo(ByteCursor cursor, long mdiaEnd)
    {
        while (cursor.Position < mdiaEnd && TryReadBoxHeader(cursor, out var type, out var end))
        {
            if (type == "hdlr")
            {
                cursor.Position += 8;
                return ReadFourCc(cursor) == "vide";
            }

            cursor.Position = Math.Min(end, mdiaEnd);
        }

        return false;
    }

    /// <summary>True when boxes from <paramref name="start"/> follow one another exactly to the end of the file.</summary>
    public static bool BoxesReachEnd(ByteCursor cursor, long start)
    {
        cursor.Position = start;
        while (cursor.Position < cursor.Length)
        {
            if (!TryReadBoxHeader(cursor, out _, out var end) || end > cursor.Length)
            {
                return false;
            }

            cursor.Position = end;
        }

        return true;
    }

    /// <summary>Reads a box header at the position; false when the bytes there are no box header.</summary>
    private static bool TryReadBoxHeader(ByteCursor cursor, out string type, out long end)
    {
        var start = cursor.Position;
        type = "";
        end = 0;
        Span<byte> header = stackalloc byte[8];
        if (!cursor.TryRead(header))
        {
            return false;
        }

        // Box types are letters, digits and spaces (QuickTime adds the copyright sign); markup or binary is no box.
        foreach (var b in header[4..])
        {
            if (b is not ((>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)' ' or 0xA9))
            {
                return false;
            }
        }

        type = Encoding.ASCII.GetString(header[4..]);
        ulong size = (uint)(header[0] << 24 | header[1] << 16 | header[2] << 8 | header[3]);
        var headerSize = 8UL;
        if (size == 1)
        {
            if (cursor.Remaining < 8)
            {
                return false;
            }

            size = cursor.ReadBigEndian(8);
            headerSize = 16;
        }
        else if (size == 0)
        {
            // "Extends to the end of the file": only the last box may say so.
            size = (ulong)(cursor.Length - start);
        }

        if (size < headerSize || size > long.MaxValue / 2)
        {
            return false;
        }

        end = start + (long)size;
        return true;
    }

    private static string ReadFourCc(ByteCursor cursor)
    {
        Span<byte> code = stackalloc byte[4];
        cursor.ReadExactly(code);
        return Encoding.Latin1.GetString(code);
    }
}
