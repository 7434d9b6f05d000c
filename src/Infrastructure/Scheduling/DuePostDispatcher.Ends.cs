using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>How the rows of runs that ended leave the table: with the next claim, when the node stops, or after a failure.</summary>
public sealed partial class DuePostDispatcher
{
    private List<(Guid Tenant, Guid Item, long Version)> TakeEnded()
    {
        var ended = new List<(Guid Tenant, Guid Item, long Version)>();
        while (_ended.TryDequeue(out var row))
        {
            ended.Add(row);
        }

        return ended;
    }

    /// <summary>Removes the ended runs' rows, each only at the version its run had (a post scheduled again keeps its new row).</summary>
    private static NpgsqlBatchCommand RemoveCommand(List<(Guid Tenant, Guid Item, long Version)> ended)
    {
        var command = new NpgsqlBatchCommand(
            $"""
             DELETE FROM {DuePostsTable.Name} d USING unnest($1::uuid[], $2::uuid[], $3::bigint[]) AS e(tenant_id, item_id, version)
             WHERE d.tenant_id = e.tenant_id AND d.item_id = e.item_id AND d.version = e.version
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = ended.Select(r => r.Tenant).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = ended.Select(r => r.Item).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = ended.Select(r => r.Version).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        return command;
    }

    /// <summary>When the node stops: the ended runs' rows go now rather than with a claim that will not come.</summary>
    private async Task RemoveEndedAsync()
    {
        var ended = TakeEnded();
        if (ended.Count == 0)
        {
            return;
        }

        try
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(RemoveCommand(ended));
            await batch.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The rows keep their leases and are taken again when they run out; each run's own claim keeps that from publishing twice.
            LogEndFailed(logger, ended.Count, ex);
        }
    }

    private async Task FailedAsync(string sql, (Guid Tenant, Guid Item, long Version) row, double retrySeconds)
    {
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = row.Tenant, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Item, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Version, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter { Value = retrySeconds, NpgsqlDbType = NpgsqlDbType.Double });
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The row keeps its lease and is taken again when it runs out; the run's own claim keeps that from publishing twice.
            LogEndFailed(logger, 1, ex);
        }
    }
}
