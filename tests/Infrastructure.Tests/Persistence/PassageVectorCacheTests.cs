using BrandAutomator.Infrastructure.Assets;
using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.TestSupport;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>
/// A tenant's passage vectors load in the background: a search that cannot wait goes on with the previous vectors (or
/// none) while they load, one that can waits, and the load finishes whoever started it.
/// </summary>
public sealed class PassageVectorCacheTests : IAsyncLifetime
{
    private readonly Guid _tenant = Guid.NewGuid();
    private string _connectionString = "";
    private NpgsqlDataSource _dataSource = null!;

    private string Schema => $"tenant_{_tenant:N}";

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("vectors");
        _dataSource = NpgsqlSetup.BuildDataSource(_connectionString);
        await ExecuteAsync($"""
            CREATE SCHEMA "{Schema}";
            CREATE TABLE "{Schema}".asset_chunks (id uuid PRIMARY KEY, asset_id uuid NOT NULL, ordinal int NOT NULL, embedding real[]);
            """);
        await AddPassageAsync(0, [1, 0, 0]);
        await AddPassageAsync(1, [0, 1, 0]);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task While_the_passages_reload_an_impatient_search_gets_the_previous_vectors_and_a_patient_one_the_new()
    {
        using var cache = new PassageVectorCache(_dataSource);
        var first = await cache.GetAsync(_tenant, Schema, "two", patience: null, CancellationToken.None);
        Assert.Equal(2, first!.Count);
        await AddPassageAsync(2, [0, 0, 1]);

        // The table is locked: the reload waits in the database until the lock goes.
        await using var blocker = await _dataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE \"{Schema}\".asset_chunks IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        using (var search = new CancellationTokenSource())
        {
            var meanwhile = await cache.GetAsync(_tenant, Schema, "three", TimeSpan.FromMilliseconds(50), search.Token);
            Assert.Same(first, meanwhile);
            // The search that started the reload ends; the reload does not.
            await search.CancelAsync();
        }

        var waiting = cache.GetAsync(_tenant, Schema, "three", patience: null, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        await transaction.CommitAsync();

        var fresh = await waiting.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(3, fresh!.Count);
        Assert.Equal("three", fresh.Stamp);
        Assert.Equal(1.0, fresh.Cosine(fresh.Rows[PassageId(2)], [0f, 0f, 1f]), 5);
        Assert.Same(fresh, await cache.GetAsync(_tenant, Schema, "three", TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_first_search_that_cannot_wait_goes_on_without_vectors()
    {
        using var cache = new PassageVectorCache(_dataSource);
        await using var blocker = await _dataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE \"{Schema}\".asset_chunks IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        Assert.Null(await cache.GetAsync(_tenant, Schema, "two", TimeSpan.FromMilliseconds(50), CancellationToken.None));

        await transaction.CommitAsync();
        Assert.Equal(2, (await cache.GetAsync(_tenant, Schema, "two", patience: null, CancellationToken.None))!.Count);
    }

    private static Guid PassageId(int ordinal) => new($"00000000-0000-0000-0000-{ordinal:D12}");

    private Task AddPassageAsync(int ordinal, float[] vector) => ExecuteAsync(
        $"INSERT INTO \"{Schema}\".asset_chunks VALUES ('{PassageId(ordinal)}', '{Guid.Empty}', {ordinal}, '{{{string.Join(',', vector)}}}')");

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
