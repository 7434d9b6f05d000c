using BrandAutomator.Application.Common.Ports;

namespace BrandAutomator.TestSupport;

/// <summary>
/// Signed links without bytes behind them: enough for publishing, which only hands the links to the (fake) networks.
/// Tests that need real storage use the storage adapter itself.
/// </summary>
public sealed class FakeFileStorage : IFileStorage
{
    public Task<StoredObject> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake storage keeps no bytes.");

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake storage keeps no bytes.");

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(true);

    public TimeSpan DefaultLinkLifetime => TimeSpan.FromMinutes(15);

    public Uri CreateSignedUrl(string key, TimeSpan lifetime, LinkAudience audience, string? downloadFileName = null) =>
        new($"https://media.test/{Uri.EscapeDataString(key)}?expires={DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds()}&sig=fake");
}
