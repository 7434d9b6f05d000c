using Npgsql;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// Tenants spread over several connection pools by their id, each pool with its share of the connection string's
/// Maximum Pool Size, so that a tenant's statements reach the few PostgreSQL backends that already hold its tables.
/// </summary>
/// <remarks>
/// A backend keeps the catalogue entries (relation cache, plans' look-ups) of every schema it has used. With one pool,
/// any of its backends serves any tenant: at a peak of 1,000 tenants nearly every statement landed on a backend that had
/// never opened that tenant's tables, and PostgreSQL spent most of its CPU reading its catalogue (docs/performance.md,
/// "Tenants' connections by group"). With groups, a backend only ever serves the tenants of its group: fewer cold
/// look-ups, and a backend's memory grows with its group's schemas rather than with every schema of the cluster.
/// The pools are Npgsql's pools by connection string; the strings differ in their Application Name
/// ("BrandAutomator tenants 3/16"), which also names the group in <c>pg_stat_activity</c>.
/// </remarks>
public sealed class TenantConnectionGroups
{
    /// <summary>The fewest connections a group may open, whatever its share of the Maximum Pool Size.</summary>
    public const int MinConnectionsPerGroup = 4;

    private readonly string[] _connectionStrings;

    public TenantConnectionGroups(string connectionString, int groups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var given = NpgsqlSetup.GivenKeys(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlSetup.ApplyDefaults(builder, given);
        var name = given.Contains("applicationname") ? builder.ApplicationName : "BrandAutomator";
        ConnectionsPerGroup = groups == 1
            ? builder.MaxPoolSize
            : Math.Max(MinConnectionsPerGroup, (builder.MaxPoolSize + groups - 1) / groups);
        builder.MaxPoolSize = ConnectionsPerGroup;
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, ConnectionsPerGroup);
        _connectionStrings = Enumerable.Range(1, groups).Select(group =>
        {
            builder.ApplicationName = $"{name} tenants {group}/{groups}";
            return builder.ConnectionString;
        }).ToArray();
    }

    /// <summary>The Maximum Pool Size of each group.</summary>
    public int ConnectionsPerGroup { get; }

    public int Count => _connectionStrings.Length;

    /// <summary>The connection string of the tenant's group: the same group for the same tenant in every process.</summary>
    public string For(Guid tenantId) => _connectionStrings[GroupOf(tenantId)];

    /// <summary>The tenant's group, from 0: <see cref="Guid.GetHashCode"/> mixes all 128 bits and is the same in every process.</summary>
    public int GroupOf(Guid tenantId) => (int)((uint)tenantId.GetHashCode() % (uint)_connectionStrings.Length);
}
