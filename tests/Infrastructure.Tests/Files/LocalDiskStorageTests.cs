using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Files;
using Microsoft.Extensions.Time.Testing;

namespace BrandAutomator.Infrastructure.Tests.Files;

public sealed class LocalDiskStorageTests : IDisposable
{
    private const string Key = "tenant-7f1c/assets/3b9e/original.png";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"brandauto-files-{Guid.NewGuid():N}");
    private readonly LocalDiskStorage _storage;

    public LocalDiskStorageTests() =>
        _storage = new LocalDiskStorage(_root, new LocalSignedUrls(new string('k', 32), "http://127.0.0.1:5080", new FakeTimeProvider()));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Saved_bytes_read_back_identical_under_the_key_path()
    {
        var bytes = Encoding.UTF8.GetBytes("brand book");

        var stored = await _storage.SaveAsync(Key, new MemoryStream(bytes), "image/png", default);

        Assert.Equal(new Application.Common.Ports.StoredObject(Key, bytes.Length), stored);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_root, "tenant-7f1c", "assets", "3b9e", "original.png")));
        await using var read = await _storage.OpenReadAsync(Key, default);
        Assert.Equal(bytes, await ReadAllAsync(read));
    }

    [Fact]
    public async Task Saving_again_replaces_the_object_whole_and_leaves_no_temporary_file()
    {
        await _storage.SaveAsync(Key, new MemoryStream(new byte[1000]), "image/png", default);

        await _storage.SaveAsync(Key, new MemoryStream([1, 2, 3]), "image/png", default);

        await using (var read = await _storage.OpenReadAsync(Key, default))
        {
            Assert.Equal([1, 2, 3], await ReadAllAsync(read));
        }

        Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_failed_upload_leaves_neither_the_object_nor_a_temporary_file()
    {
        await Assert.ThrowsAsync<IOException>(() => _storage.SaveAsync(Key, new BrokenStream(), "image/png", default));

        Assert.False(await _storage.ExistsAsync(Key, default));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_failed_upload_keeps_the_previous_version()
    {
        await _storage.SaveAsync(Key, new MemoryStream([4, 5, 6]), "image/png", default);

        await Assert.ThrowsAsync<IOException>(() => _storage.SaveAsync(Key, new BrokenStream(), "image/png", default));

        await using var read = await _storage.OpenReadAsync(Key, default);
        Assert.Equal([4, 5, 6], await ReadAllAsync(read));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_its_empty_folders_but_not_its_neighbours()
    {
        const string neighbour = "tenant-7f1c/assets/aaaa/original.png";
        await _storage.SaveAsync(Key, new MemoryStream([1]), "image/png", default);
        await _storage.SaveAsync(neighbour, new MemoryStream([2]), "image/png", default);

        await _storage.DeleteAsync(Key, default);

        Assert.False(await _storage.ExistsAsync(Key, default));
        Assert.False(Directory.Exists(Path.Combine(_root, "tenant-7f1c", "assets", "3b9e")));
        Assert.True(await _storage.ExistsAsync(neighbour, default));

        await _storage.DeleteAsync(neighbour, default);

        Assert.False(Directory.Exists(Path.Combine(_root, "tenant-7f1c")));
        Assert.True(Directory.Exists(_root));
    }

    [Fact]
    public async Task Deleting_a_missing_object_is_not_an_error()
    {
        await _storage.DeleteAsync("tenant-1/assets/none/original.png", default);
        await _storage.SaveAsync(Key, new MemoryStream([1]), "image/png", default);
        await _storage.DeleteAsync(Key, default);

        await _storage.DeleteAsync(Key, default);
    }

    [Fact]
    public async Task Reading_a_missing_object_throws_file_not_found()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => _storage.OpenReadAsync("tenant-1/assets/none/original.png", default));
        await _storage.SaveAsync(Key, new MemoryStream([1]), "image/png", default);
        await Assert.ThrowsAsync<FileNotFoundException>(() => _storage.OpenReadAsync("tenant-7f1c/assets/3b9e/other.png", default));
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("tenant-1/../../outside.png")]
    [InlineData("tenant-1/assets/../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/tmp/outside.png")]
    [InlineData("tenant-1\\..\\..\\outside.png")]
    [InlineData("tenant-1/assets/a\0.png")]
    [InlineData("tenant-1/./assets/a.png")]
    [InlineData("tenant-1//assets/a.png")]
    [InlineData("tenant-1/assets/")]
    [InlineData("tenant-1/.upload-0123.tmp")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("tenant-1/assets/na me.png")]
    [InlineData("tenant-1/assets/%2e%2e/a.png")]
    [InlineData("tenant-1/assets/ünïcode.png")]
    [InlineData("")]
    public async Task Keys_that_could_leave_the_storage_folder_are_refused_before_touching_the_disk(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.SaveAsync(key, new MemoryStream([1]), "image/png", default));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.OpenReadAsync(key, default));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.ExistsAsync(key, default));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.DeleteAsync(key, default));
        Assert.Throws<ArgumentException>(() => _storage.CreateSignedUrl(key, TimeSpan.FromMinutes(5), LinkAudience.Outside));
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public void A_key_longer_than_cloud_storage_allows_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _storage.PathOf("tenant-1/" + new string('a', StorageKey.MaxLength)));
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_nothing_behind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _storage.SaveAsync(Key, new GeneratedStream(1_000_000), "image/png", cancelled.Token));

        Assert.False(await _storage.ExistsAsync(Key, default));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A client that disconnects half-way through its upload.</summary>
    private sealed class BrokenStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ++_reads < 3 ? count : throw new IOException("The client went away.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Alone in its collection: it measures the process's allocations, which tests running beside it would inflate.</summary>
[CollectionDefinition(nameof(LargeStreamCollection), DisableParallelization = true)]
public sealed class LargeStreamCollection;

[Collection(nameof(LargeStreamCollection))]
public sealed class LocalDiskStorageLargeStreamTests : IDisposable
{
    private const long Size = 50L * 1024 * 1024;

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"brandauto-files-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_50_MB_upload_round_trips_byte_for_byte_without_being_held_in_memory()
    {
        var storage = new LocalDiskStorage(_root, new LocalSignedUrls(new string('k', 32), "http://127.0.0.1:5080", new FakeTimeProvider()));
        const string key = "tenant-1/assets/big/original.mp4";
        await using var upload = new GeneratedStream(Size);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stored = await storage.SaveAsync(key, upload, "video/mp4", default);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(Size, stored.Size);
        // Buffers of a few tens of KB are expected; a copy of the object would be 50 MB.
        Assert.True(allocated < 4 * 1024 * 1024, $"Saving allocated {allocated:N0} bytes for a {Size:N0}-byte object.");

        await using var read = await storage.OpenReadAsync(key, default);
        Assert.Equal(Convert.ToHexString(upload.Sha256()), Convert.ToHexString(await SHA256.HashDataAsync(read)));
    }
}
