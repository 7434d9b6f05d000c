namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>
/// Lends a stream to a library that disposes what it is given (PdfPig, the Open XML SDK), so the caller's stream
/// stays open for the next step.
/// </summary>
internal sealed class NonClosingStream(Stream inner) : Stream
{
    private const string ReadOnly = "Inspection reads uploads; it never writes them.";

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException(ReadOnly);

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException(ReadOnly);
}
