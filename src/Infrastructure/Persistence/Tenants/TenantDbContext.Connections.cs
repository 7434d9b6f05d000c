using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>Holding the context's connection, and the workspace's time zone read on it.</summary>
public sealed partial class TenantDbContext
{
    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        // EF counts opens: a connection already open (a transaction) stays open after this one is released.
        await Database.OpenConnectionAsync(cancellationToken);
        return new HeldConnection(Database);
    }

    public async Task<(IAsyncDisposable Held, string? TimeZoneId)> HoldConnectionWithTimeZoneAsync(CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            var held = await HoldConnectionAsync(cancellationToken);
            try
            {
                return (held, await ReadTimeZoneIdAsync(cancellationToken));
            }
            catch
            {
                await held.DisposeAsync();
                throw;
            }
        }

        try
        {
            var zone = await OpenReadingTimeZoneAsync(cancellationToken);
            return (new HeldConnection(Database), zone);
        }
        catch
        {
            await Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>The zone alone: the same I/O as <see cref="HoldConnectionWithTimeZoneAsync"/>, the hold released at once.</summary>
    public async Task<string?> TimeZoneIdAsync(CancellationToken cancellationToken)
    {
        var (held, zone) = await HoldConnectionWithTimeZoneAsync(cancellationToken);
        await held.DisposeAsync();
        return zone;
    }

    /// <summary>
    /// Asked for by the next open of this context's connection: <see cref="TenantSearchPathInterceptor"/> reads the
    /// workspace's time zone in the statement that sets the search_path, and puts it here. Null otherwise.
    /// </summary>
    internal TimeZoneOnOpen? TimeZoneReadOnOpen { get; private set; }

    private bool IsOpen => Database.GetDbConnection().State == System.Data.ConnectionState.Open;

    private async Task<string?> OpenReadingTimeZoneAsync(CancellationToken cancellationToken)
    {
        var request = new TimeZoneOnOpen();
        TimeZoneReadOnOpen = request;
        try
        {
            await Database.OpenConnectionAsync(cancellationToken);
        }
        finally
        {
            TimeZoneReadOnOpen = null;
        }

        // Opened by someone else in between (nothing does today): read it on its own.
        return request.Read ? request.Id : await ReadTimeZoneIdAsync(cancellationToken);
    }

    private async Task<string?> ReadTimeZoneIdAsync(CancellationToken cancellationToken)
    {
        var tenantId = Tenant?.TenantId ?? throw new InvalidOperationException("No tenant is set for this scope.");
        // One plain statement instead of a composed query (EF's SqlQuery builds and looks up its query each time). It is
        // the one catalog table this context reads, qualified (the search_path holds the tenant's schema alone), and only
        // the row of the context's own tenant; inside the request's transaction when there is one.
        await using var command = new Npgsql.NpgsqlCommand("SELECT time_zone FROM public.tenants WHERE id = $1", (Npgsql.NpgsqlConnection)Database.GetDbConnection())
        {
            Transaction = (Npgsql.NpgsqlTransaction?)Database.CurrentTransaction?.GetDbTransaction(),
        };
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}

/// <summary>The workspace's time zone as read with the search_path when a connection opened (null: none is set).</summary>
internal sealed class TimeZoneOnOpen
{
    public bool Read { get; private set; }

    public string? Id { get; private set; }

    public void Set(string? id) => (Read, Id) = (true, id);
}

file sealed class HeldConnection(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await database.CloseConnectionAsync();
}
