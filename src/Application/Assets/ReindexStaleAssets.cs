using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Assets;

/// <summary>
/// Queues for processing again up to <paramref name="Max"/> of the tenant's documents whose passages were made with an
/// older passage format (<see cref="TextChunker.Version"/>: chunker and embeddings), oldest first; the number queued.
/// A migration cannot compute embeddings, so existing documents are brought up to date this way, a few at a time.
/// </summary>
public sealed record ReindexStaleAssets(int Max) : ICommand<int>, ITransactionalCommand
{
    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class ReindexStaleAssetsHandler(ITenantDb db, IAssetProcessingQueue queue, TimeProvider clock) : ICommandHandler<ReindexStaleAssets, int>
{
    public async ValueTask<int> Handle(ReindexStaleAssets command, CancellationToken cancellationToken)
    {
        var stale = await db.Assets
            .Where(a => (a.Type == AssetType.Document || a.Type == AssetType.Text) && a.State == AssetState.Ready && a.IndexVersion < TextChunker.Version)
            .OrderBy(a => a.CreatedAt).Take(command.Max).ToListAsync(cancellationToken);
        var queued = stale.Where(a => a.RequestReindex(TextChunker.Version, clock.GetUtcNow())).Select(a => a.Id).ToList();
        if (queued.Count == 0)
        {
            return 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        await queue.EnqueueAsync(queued, cancellationToken);
        return queued.Count;
    }
}
