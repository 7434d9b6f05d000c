using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>Media of any size read as a stream (counting how often it is opened), and requests for the uploaders.</summary>
internal static class MediaUploadTestKit
{
    public static PublishMedia Medium(long size, string mediaType, bool video, string? alt = null, Action? opened = null) =>
        new(new Uri("https://media.test/file"), video, alt, new MediaContent(size, mediaType, _ =>
        {
            opened?.Invoke();
            return Task.FromResult<Stream>(new PatternStream(size));
        }));

    public static MediaUploadRequest Request(SocialPlatform platform, string marker, params PublishMedia[] media) =>
        new(platform, platform == SocialPlatform.LinkedIn ? "urn:li:organization:4242" : "1700000000", $"at-{marker}", media, _ => Task.CompletedTask);

    public static IOptions<PlatformOptions> Options(string baseUrl, double processingSeconds = 60) => Microsoft.Extensions.Options.Options.Create(new PlatformOptions
    {
        LinkedIn = new PlatformEndpointOptions { BaseUrl = baseUrl },
        X = new PlatformEndpointOptions { BaseUrl = baseUrl },
        InstagramVideoPollSeconds = 0.05,
        MediaProcessingTimeoutSeconds = processingSeconds,
    });

    /// <summary>Bytes made up as they are read (never all in memory), so a test can send a file of many megabytes.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) % 251);
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
