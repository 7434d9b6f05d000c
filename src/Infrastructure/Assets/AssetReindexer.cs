using BrandAutomator.Application.Assets;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// Brings documents indexed with an older passage format up to date after an upgrade: a while after start-up and then
/// periodically, for every ready tenant, queues a bounded batch (<see cref="BatchPerTenant"/>) of stale documents for
/// the processing worker, which makes their passages and embeddings again. Idle once every document is current.
/// </summary>
public sealed partial class AssetReindexer(IServiceScopeFactory scopes, ILogger<AssetReindexer> logger) : BackgroundService
{
    public const int BatchPerTenant = 20;
    private static readonly TimeSpan FirstPass = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstPass, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await PassAsync(stoppingToken);
                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One pass over every ready tenant; the number of documents queued.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        List<Guid> tenants;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            tenants = await scope.ServiceProvider.GetRequiredService<ICatalogDb>().Tenants.AsNoTracking()
                .Where(t => t.State == TenantState.Ready).Select(t => t.Id).ToListAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogPassFailed(logger, ex, null);
            return 0;
        }

        var total = 0;
        foreach (var tenantId in tenants)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(tenantId);
                var queued = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReindexStaleAssets(BatchPerTenant), cancellationToken);
                if (queued > 0)
                {
                    LogQueued(logger, tenantId, queued);
                }

                total += queued;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A tenant being migrated or dropped: the next pass tries again.
                LogPassFailed(logger, ex, tenantId);
            }
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-indexing {Count} documents of tenant {TenantId} with the current passage format")]
    private static partial void LogQueued(ILogger logger, Guid tenantId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-index pass failed (tenant {TenantId})")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, Guid? tenantId);
}
