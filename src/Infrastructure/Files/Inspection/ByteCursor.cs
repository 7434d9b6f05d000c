namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>
/// Reads a seekable stream through one reused buffer, so walking every byte of a JPEG scan or skipping a
/// gigabyte of video data costs neither allocations nor a read of the skipped bytes.
/// </summary>
internal sealed class ByteCursor
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _bufferStart;
    private int _bufferLength;

    public ByteCursor(Stream stream)
    {
        _stream = stream;
        Length = stream.Length;
    }

    public long Length { get; }

    /// <summary>Moving it only records the place: nothing is read until a byte is asked for.</summary>
    public long Position { get; set; }

    public long Remaining => Length - Position;

    public int ReadByte()
    {
        if (Position >= Length)
        {
            return -1;
        }

        if (Position < _bufferStart || Position >= _bufferStart + _bufferLength)
        {
            Fill();
            if (_bufferLength == 0)
            {
                return -1;
            }
        }

        return _buffer[Position++ - _bufferStart];
    }

    /// <summary>Fills <paramref name="destination"/> or returns false, leaving the position past what was read.</summary>
    public bool TryRead(Span<byte> destination)
    {
        var written = 0;
        while (written < destination.Length)
        {
            if (Position >= Length)
            {
                return false;
            }

            if (Position < _bufferStart || Position >= _bufferStart + _bufferLength)
            {
                Fill();
                if (_bufferLength == 0)
                {
                    return false;
                }
            }

            var offset = (int)(Position - _bufferStart);
            var count = Math.Min(_bufferLength - offset, destination.Length - written);
            _buffer.AsSpan(offset, count).CopyTo(destination[written..]);
            written += count;
            Position += count;
        }

        return true;
    }

    public void ReadExactly(Span<byte> destination)
    {
        if (!TryRead(destination))
        {
            throw new EndOfStreamException("The file ends in the middle of a structure.");
        }
    }

    /// <summary>A big-endian unsigned integer of 1 to 8 bytes.</summary>
    public ulong ReadBigEndian(int byteCount)
    {
        Span<byte> bytes = stackalloc byte[8];
        ReadExactly(bytes[..byteCount]);
        ulong value = 0;
        foreach (var b in bytes[..byteCount])
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public uint ReadUInt32BigEndian() => (uint)ReadBigEndian(4);

    public ushort ReadUInt16BigEndian() => (ushort)ReadBigEndian(2);

    /// <summary>True when every byte from the position to the end is zero: padding some writers leave, not hidden data.</summary>
    public bool RestIsZeroPadding()
    {
        int b;
        while ((b = ReadByte()) >= 0)
        {
            if (b != 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Fill()
    {
        _stream.Position = Position;
        _bufferStart = Position;
        _bufferLength = _stream.ReadAtLeast(_buffer, _buffer.Length, throwOnEndOfStream: false);
    }
}
