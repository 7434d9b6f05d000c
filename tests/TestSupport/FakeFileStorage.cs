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

    /// <summary>
    /// A key whose object reads back as <paramref name="size"/> bytes instead of <see cref="Length"/>: for networks with
    /// size rules (LinkedIn takes no video under 75 KB) or uploads in several parts.
    /// </summary>
    public static string SizedKey(Guid tenantId, Guid assetId, long size, string extension) => $"tenant-{tenantId:N}/assets/{assetId:N}/size-{size}.{extension}";

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var sized = System.Text.RegularExpressions.Regex.Match(key, "/size-([0-9]+)\\.");
        if (!sized.Success)
        {
            return Task.FromResult<Stream>(new MemoryStream(Bytes, writable: false));
        }

        var bytes = new byte[long.Parse(sized.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        return Task.FromResult<Stream>(new MemoryStream(bytes, writable: false));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(true);

    public TimeSpan DefaultLinkLifetime => TimeSpan.FromMinutes(15);

    public Uri CreateSignedUrl(string key, TimeSpan lifetime, LinkAudience audience, string? downloadFileName = null) =>
        new($"https://media.test/{Uri.EscapeDataString(key)}?expires={DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds()}&sig=fake");
}
