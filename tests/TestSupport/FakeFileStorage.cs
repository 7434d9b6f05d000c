using BrandAutomator.Application.Common.Ports;

namespace BrandAutomator.TestSupport;

/// <summary>
/// Signed links without bytes behind them: enough for publishing, which hands the links to the (fake) networks. Networks
/// that take the bytes themselves (YouTube, TikTok, Pinterest videos) read every object as <see cref="Bytes"/>: tests
/// that publish such media record their size as <see cref="Length"/>. Tests that need real storage use the storage
/// adapter itself.
/// </summary>
public sealed class FakeFileStorage : IFileStorage
{
    /// <summary>The size of every object read back.</summary>
    public const int Length = 4_096;

    public static byte[] Bytes { get; } = Enumerable.Range(0, Length).Select(i => (byte)(i % 251)).ToArray();

    public Task<StoredObject> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake storage keeps no bytes.");

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => Task.FromResult<Stream>(new MemoryStream(Bytes, writable: false));

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(true);

    public TimeSpan DefaultLinkLifetime => TimeSpan.FromMinutes(15);

    public Uri CreateSignedUrl(string key, TimeSpan lifetime, LinkAudience audience, string? downloadFileName = null) =>
        new($"https://media.test/{Uri.EscapeDataString(key)}?expires={DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds()}&sig=fake");
}
