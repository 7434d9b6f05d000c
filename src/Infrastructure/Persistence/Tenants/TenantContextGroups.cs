using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// Tenant affinity: tenants are spread over <see cref="DatabaseOptions.TenantConnectionGroups"/> groups by their id, and
/// each group has its own pool of contexts over its own pool of connections. A tenant's statements therefore reach a
/// few PostgreSQL backends that already hold its tables in their relation cache, instead of any of the process's
/// backends, each of which would open and plan that tenant's tables from nothing (the peak minute's largest cost at
/// 1,000 tenants, docs/performance.md).
/// </summary>
/// <remarks>
/// <para>The group is chosen once, when a scope resolves its <see cref="TenantDbContext"/> and its tenant is already
/// known. A context never moves between pools and a connection never moves between data sources. Isolation does not
/// depend on the group: every connection still gets the scope's own tenant's search_path when it opens
/// (<see cref="TenantSearchPathInterceptor"/>).</para>
/// <para>A group lends at most <see cref="DatabaseOptions.ConnectionsPerTenantGroup"/> contexts at once, so it never
/// has more connections open than that and nothing ever waits for one of its connections. A scope whose group is
/// full, or whose tenant is not known yet (sign-up), leases from the shared pool, as every scope did before.</para>
/// <para>The groups' data sources have the same connection string as the shared one, so every tenant context shares
/// one set of EF Core's internal services and one model.</para>
/// </remarks>
public sealed class TenantContextGroups : IAsyncDisposable
{
    private readonly NpgsqlDataSource[] _dataSources;
    private readonly IDbContextFactory<TenantDbContext>[] _contexts;
    private readonly int[] _lent;
    private readonly int _perGroup;

    /// <param name="connectionString">The shared data source's connection string, with its password.</param>
    public TenantContextGroups(IOptions<DatabaseOptions> options, string connectionString, IServiceProvider services)
    {
        var settings = options.Value;
        _perGroup = settings.ConnectionsPerTenantGroup;
        _dataSources = Enumerable.Range(0, settings.TenantConnectionGroups)
            .Select(_ => NpgsqlSetup.BuildDataSource(connectionString)).ToArray();
        _contexts = _dataSources.Select(dataSource =>
        {
            var builder = new DbContextOptionsBuilder<TenantDbContext>().UseApplicationServiceProvider(services);
            Configure(builder, services, dataSource);
            return (IDbContextFactory<TenantDbContext>)new PooledDbContextFactory<TenantDbContext>(builder.Options, _perGroup);
        }).ToArray();
        _lent = new int[_dataSources.Length];
    }

    /// <summary>How many groups there are; 0 when affinity is off.</summary>
    public int Count => _dataSources.Length;

    /// <summary>The group of <paramref name="tenantId"/>: the same in every process.</summary>
    public int GroupOf(Guid tenantId) => (int)((uint)tenantId.GetHashCode() % (uint)_dataSources.Length);

    /// <summary>
    /// A context for a scope: from its tenant's group when the tenant is known and the group has room, otherwise from the
    /// shared pool. The scope disposes the context, then the lease.
    /// </summary>
    public Lease LeaseFor(ITenantContext tenant, IDbContextFactory<TenantDbContext> shared)
    {
        if (_dataSources.Length == 0 || !tenant.IsSet)
        {
            return new Lease(null, 0, shared.CreateDbContext());
        }

        var group = GroupOf(tenant.TenantId);
        if (Interlocked.Increment(ref _lent[group]) > _perGroup)
        {
            Interlocked.Decrement(ref _lent[group]);
            return new Lease(null, 0, shared.CreateDbContext());
        }

        try
        {
            return new Lease(this, group, _contexts[group].CreateDbContext());
        }
        catch
        {
            Interlocked.Decrement(ref _lent[group]);
            throw;
        }
    }

    /// <summary>How many contexts the tenant's group lends now.</summary>
    public int LentBy(Guid tenantId) => Volatile.Read(ref _lent[GroupOf(tenantId)]);

    /// <summary>How every tenant context is configured, in a group or in the shared pool.</summary>
    internal static void Configure(DbContextOptionsBuilder options, IServiceProvider services, NpgsqlDataSource dataSource) =>
        options.UseTenantNpgsql(dataSource)
            .AddInterceptors(services.GetRequiredService<TenantSearchPathInterceptor>(), services.GetRequiredService<Webhooks.WebhookOutboxInterceptor>());

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }

    /// <summary>
    /// A scope's tenant context and where it came from. The scope disposes the context itself (it goes back to its pool);
    /// disposing the lease, after it, gives the context's group its place back.
    /// </summary>
    public sealed class Lease : IDisposable
    {
        private TenantContextGroups? _groups;
        private readonly int _group;

        internal Lease(TenantContextGroups? groups, int group, TenantDbContext context)
        {
            _groups = groups;
            _group = group;
            Context = context;
        }

        public TenantDbContext Context { get; }

        /// <summary>The group that lent the context, or null for the shared pool.</summary>
        public int? Group => _groups is null ? null : _group;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _groups, null) is { } groups)
            {
                Interlocked.Decrement(ref groups._lent[_group]);
            }
        }
    }
}
