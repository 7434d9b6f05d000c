using System.Collections.Concurrent;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using BrandAutomator.Infrastructure.Scheduling;
using BrandAutomator.TestSupport;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Scheduling;

/// <summary>
/// The due posts' table and its dispatchers on a real PostgreSQL: what scheduling writes, and several nodes claiming from
/// one table. The runs are recorded by a sender that stands in for the publishing handler (its own tests are end to end).
/// </summary>
public sealed class DuePostsTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _errors = new();
    private string _connectionString = "";
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("dueposts");
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        await new QuartzSchema(_dataSource, new ServiceCollection().BuildServiceProvider()).EnsureAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Scheduling_again_moves_the_time_and_the_version_scheduling_new_or_missing_keeps_what_is_there_and_unscheduling_removes_it()
    {
        var tenant = Guid.NewGuid();
        var scheduler = SchedulerFor(tenant);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var at = new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);

        await scheduler.ScheduleNewAsync([(a, at), (b, at)], CancellationToken.None);
        await scheduler.ScheduleNewAsync([(a, at.AddHours(1))], CancellationToken.None);
        Assert.Equal((at, 1L), await RowAsync(tenant, a));

        await scheduler.ScheduleAsync(a, at.AddHours(2), CancellationToken.None);
        Assert.Equal((at.AddHours(2), 2L), await RowAsync(tenant, a));
        // The same post twice in one call keeps its last time.
        await scheduler.ScheduleAsync([(b, at.AddHours(3)), (b, at.AddHours(4))], CancellationToken.None);
        Assert.Equal((at.AddHours(4), 2L), await RowAsync(tenant, b));

        Assert.True(await scheduler.IsScheduledAsync(a, CancellationToken.None));
        await scheduler.UnscheduleAsync(a, CancellationToken.None);
        await scheduler.UnscheduleAsync(a, CancellationToken.None);
        Assert.False(await scheduler.IsScheduledAsync(a, CancellationToken.None));
        // Another tenant's post of the same id is another row.
        Assert.False(await SchedulerFor(Guid.NewGuid()).IsScheduledAsync(b, CancellationToken.None));
        Assert.True(await scheduler.IsScheduledAsync(b, CancellationToken.None));

        // The sweep's write: a row only for the posts without one; a post with one keeps its time and version.
        Assert.Equal(1, await scheduler.ScheduleMissingAsync([(a, at.AddHours(5)), (b, at.AddHours(5))], CancellationToken.None));
        Assert.Equal((at.AddHours(5), 1L), await RowAsync(tenant, a));
        Assert.Equal((at.AddHours(4), 2L), await RowAsync(tenant, b));
        Assert.Equal(0, await scheduler.ScheduleMissingAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task Three_nodes_hand_each_due_post_to_one_run_once_and_leave_posts_not_yet_due()
    {
        var tenants = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var due = new List<(Guid Tenant, Guid Item)>();
        foreach (var tenant in tenants)
        {
            var items = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
            await SchedulerFor(tenant).ScheduleNewAsync(items.Select(i => (i, DateTimeOffset.UtcNow.AddSeconds(-5))).ToList(), CancellationToken.None);
            due.AddRange(items.Select(i => (tenant, i)));
        }

        var later = Guid.NewGuid();
        await SchedulerFor(tenants[0]).ScheduleAsync(later, DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        var runs = new ConcurrentBag<(int Node, Guid Tenant, Guid Item)>();
        var nodes = Enumerable.Range(0, 3).Select(n => Node(async (tenant, item) =>
        {
            runs.Add((n, tenant, item));
            await Task.Delay(Random.Shared.Next(5, 40));
        })).ToList();

        await Task.WhenAll(nodes.Select(n => n.StartAsync(CancellationToken.None)));
        await WaitAsync(async () => runs.Count >= due.Count && await CountAsync() == 1, TimeSpan.FromSeconds(60),
            () => $"{runs.Count} runs of {due.Count}, {CountAsync().GetAwaiter().GetResult()} rows left; {string.Join("; ", _errors)}");
        await Task.WhenAll(nodes.Select(n => n.StopAsync(CancellationToken.None)));

        Assert.All(nodes, n => Assert.True(n.ExecuteTask!.IsCompletedSuccessfully, n.ExecuteTask.Exception?.ToString()));
        Assert.Empty(_errors);
        Assert.Equal(due.OrderBy(d => d).ToList(), runs.Select(r => (r.Tenant, r.Item)).OrderBy(d => d).ToList());
        Assert.True(runs.Select(r => r.Node).Distinct().Count() >= 2, "Only one node took posts.");
        Assert.Equal(1L, await CountAsync());
        Assert.True(await SchedulerFor(tenants[0]).IsScheduledAsync(later, CancellationToken.None));
    }

    [Fact]
    public async Task A_post_scheduled_again_while_its_run_is_out_keeps_its_new_time()
    {
        var tenant = Guid.NewGuid();
        var item = Guid.NewGuid();
        var next = new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
        await SchedulerFor(tenant).ScheduleAsync(item, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        var ran = new TaskCompletionSource();
        // As a run that ends with a retry does: it schedules its own post again before it ends.
        var node = Node(async (t, i) =>
        {
            await SchedulerFor(t).ScheduleAsync(i, next, CancellationToken.None);
            ran.TrySetResult();
        });

        await node.StartAsync(CancellationToken.None);
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await node.StopAsync(CancellationToken.None);

        Assert.Equal((next, 2L), await RowAsync(tenant, item));
        Assert.Equal(DBNull.Value, await ScalarAsync($"SELECT leased_until FROM quartz.due_posts WHERE item_id = '{item}'"));
    }

    [Fact]
    public async Task The_row_of_a_run_that_ended_goes_with_the_next_claim_or_when_the_node_stops()
    {
        var tenant = Guid.NewGuid();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await SchedulerFor(tenant).ScheduleAsync(first, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        var runs = new ConcurrentQueue<Guid>();
        var node = Node((_, item) =>
        {
            runs.Enqueue(item);
            return Task.CompletedTask;
        });

        await node.StartAsync(CancellationToken.None);
        // The first row goes with a later claim (this node looks every 0.1 s).
        await WaitAsync(async () => runs.Contains(first) && await CountAsync() == 0, TimeSpan.FromSeconds(30),
            () => $"{runs.Count} runs, {CountAsync().GetAwaiter().GetResult()} rows left; {string.Join("; ", _errors)}");
        await node.StopAsync(CancellationToken.None);

        // A node that looks only every minute: the second row is still there after its run, and goes as the node stops.
        await SchedulerFor(tenant).ScheduleAsync(second, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        var slow = Node((_, item) =>
        {
            runs.Enqueue(item);
            return Task.CompletedTask;
        }, pollSeconds: 60);
        await slow.StartAsync(CancellationToken.None);
        await WaitAsync(() => Task.FromResult(runs.Contains(second)), TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        Assert.Equal(1L, await CountAsync());
        await slow.StopAsync(CancellationToken.None);

        Assert.Empty(_errors);
        Assert.Equal([first, second], runs.ToArray());
        Assert.Equal(0L, await CountAsync());
    }

    [Fact]
    public async Task A_run_that_throws_keeps_its_post_for_a_later_try_and_a_lease_left_by_a_dead_node_is_taken_when_it_runs_out()
    {
        var tenant = Guid.NewGuid();
        var (failing, abandoned) = (Guid.NewGuid(), Guid.NewGuid());
        await SchedulerFor(tenant).ScheduleAsync([(failing, DateTimeOffset.UtcNow.AddSeconds(-1)), (abandoned, DateTimeOffset.UtcNow.AddSeconds(-1))],
            CancellationToken.None);
        // Taken by a node that died: its lease runs out in two seconds. The time is read before the lease is written, so
        // that a slow start of the node below cannot make the lease look taken early.
        var started = DateTimeOffset.UtcNow;
        await ScalarAsync($"UPDATE quartz.due_posts SET leased_until = clock_timestamp() + interval '2 seconds' WHERE item_id = '{abandoned}'");
        var runs = new ConcurrentQueue<(Guid Item, DateTimeOffset At)>();
        var node = Node((_, item) =>
        {
            runs.Enqueue((item, DateTimeOffset.UtcNow));
            return item == failing ? throw new InvalidOperationException("The tenant's schema is being migrated.") : Task.CompletedTask;
        });

        await node.StartAsync(CancellationToken.None);
        await WaitAsync(() => Task.FromResult(runs.Any(r => r.Item == abandoned)), TimeSpan.FromSeconds(30));
        await node.StopAsync(CancellationToken.None);

        Assert.True(runs.Single(r => r.Item == abandoned).At - started >= TimeSpan.FromSeconds(1.9), "The lease was taken before it ran out.");
        Assert.Single(runs, r => r.Item == failing);
        Assert.Equal(1, await ScalarAsync($"SELECT failures FROM quartz.due_posts WHERE item_id = '{failing}'"));
        Assert.Equal(true, await ScalarAsync($"SELECT leased_until > clock_timestamp() + interval '30 seconds' FROM quartz.due_posts WHERE item_id = '{failing}'"));
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM quartz.due_posts WHERE item_id = '{abandoned}'"));
    }

    private DuePostScheduler SchedulerFor(Guid tenant)
    {
        var context = new TenantContext();
        context.Use(tenant);
        return new DuePostScheduler(_dataSource, context);
    }

    /// <summary>A node's dispatcher whose runs call <paramref name="run"/> with the scope's tenant and the post.</summary>
    private DuePostDispatcher Node(Func<Guid, Guid, Task> run, double pollSeconds = 0.1)
    {
        var services = new ServiceCollection()
            .AddScoped<TenantContext>()
            .AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>())
            .AddScoped<ISender>(sp => new RecordingSender(sp.GetRequiredService<TenantContext>(), run))
            .BuildServiceProvider();
        var options = Options.Create(new SchedulerOptions { MaxConcurrency = 8, MaxBatchSize = 4, PollSeconds = pollSeconds, ClaimLeaseSeconds = 3 });
        return new DuePostDispatcher(_dataSource, services.GetRequiredService<IServiceScopeFactory>(), options, TimeProvider.System, new ErrorsLogger(_errors));
    }

    private async Task<(DateTimeOffset At, long Version)> RowAsync(Guid tenant, Guid item)
    {
        await using var command = _dataSource.CreateCommand("SELECT due_at, version FROM quartz.due_posts WHERE tenant_id = $1 AND item_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = item });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The post has no row.");
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1));
    }

    private async Task<long> CountAsync() => (long)(await ScalarAsync("SELECT count(*) FROM quartz.due_posts"))!;

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan patience, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for the dispatchers. {state?.Invoke()}");
            await Task.Delay(50);
        }
    }

    private sealed class ErrorsLogger(ConcurrentQueue<string> errors) : Microsoft.Extensions.Logging.ILogger<DuePostDispatcher>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            errors.Enqueue($"{formatter(state, exception)} {exception?.Message}");
    }

    /// <summary>The one request a dispatcher sends, <see cref="PublishDueContent"/>, handed to a delegate.</summary>
    private sealed class RecordingSender(TenantContext tenant, Func<Guid, Guid, Task> run) : ISender
    {
        public async ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
        {
            var publish = Assert.IsType<PublishDueContent>(command);
            await run(tenant.TenantId, publish.ItemId);
            return (TResponse)(object)PublishRunOutcome.Published;
        }

        public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
