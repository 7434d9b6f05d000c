using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Assets;

public enum ProcessingOutcome
{
    Done,
    RetryLater,
    GaveUp,
}

/// <summary>
/// The background step after an upload: image size and thumbnails (256 and 1024 px), video metadata, the text of
/// documents split into searchable passages. Sent by the processing worker with the tenant already set.
/// </summary>
public sealed record ProcessAsset(Guid AssetId) : ICommand<ProcessingOutcome>;

public sealed partial class ProcessAssetHandler(
    ITenantDb db, ITenantContext tenant, IFileStorage storage, IMediaAnalyzer media, TimeProvider clock, ILogger<ProcessAssetHandler> logger)
    : ICommandHandler<ProcessAsset, ProcessingOutcome>
{
    public static readonly int[] ThumbnailSizes = [256, 1024];

    public async ValueTask<ProcessingOutcome> Handle(ProcessAsset command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == command.AssetId, cancellationToken);
        if (asset is null || !asset.StartProcessing(clock.GetUtcNow()))
        {
            // Deleted meanwhile, or already done by an earlier attempt: nothing left to do.
            return ProcessingOutcome.Done;
        }

        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var chunks = await AnalyseAsync(asset, cancellationToken);
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            await db.AssetChunks.Where(c => c.AssetId == asset.Id).ExecuteDeleteAsync(cancellationToken);
            db.AssetChunks.AddRange(chunks.Select(p => AssetChunk.Create(asset.Id, p.Ordinal, p.Page, p.Text)));
            asset.MarkReady(chunks.Count, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ProcessingOutcome.Done;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Content that cannot be read will not read better next time; anything else (storage, database) may.
            var permanent = ex is InvalidDataException or FormatException or NotSupportedException or ArgumentException;
            LogFailed(logger, ex, asset.Id, asset.ProcessingAttempts, permanent);
            db.DiscardChanges();
            var fresh = await db.Assets.SingleAsync(a => a.Id == command.AssetId, CancellationToken.None);
            fresh.RecordFailure(permanent ? $"The file could not be read: {ex.Message}" : "Processing failed; it will be retried.", permanent, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return fresh.State == AssetState.Failed ? ProcessingOutcome.GaveUp : ProcessingOutcome.RetryLater;
        }
    }

    private async Task<IReadOnlyList<TextChunk>> AnalyseAsync(BrandAsset asset, CancellationToken cancellationToken)
    {
        // A seekable local copy: containers are read by seeking, and the storage may be remote.
        await using var local = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var source = await storage.OpenReadAsync(asset.StorageKey, cancellationToken))
        {
            await source.CopyToAsync(local, cancellationToken);
        }

        switch (asset.Type)
        {
            case AssetType.Image:
                local.Position = 0;
                var info = media.ReadImage(local);
                var keys = new string[ThumbnailSizes.Length];
                for (var i = 0; i < ThumbnailSizes.Length; i++)
                {
                    local.Position = 0;
                    var png = media.Thumbnail(local, ThumbnailSizes[i]);
                    keys[i] = AssetLinks.ThumbnailKey(tenant.TenantId, asset.Id, ThumbnailSizes[i]);
                    await using var thumbnail = new MemoryStream(png);
                    await storage.SaveAsync(keys[i], thumbnail, "image/png", cancellationToken);
                }

                asset.RecordImage(info.Width, info.Height, keys[0], keys[1]);
                return [];
            case AssetType.Video:
                local.Position = 0;
                var video = media.ReadVideo(local);
                asset.RecordVideo(video.Duration?.TotalSeconds, video.Width, video.Height);
                return [];
            default:
                local.Position = 0;
                return TextChunker.Split(media.ExtractText(local, asset.MediaType));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing asset {AssetId} failed (attempt {Attempt}, permanent: {Permanent})")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid assetId, int attempt, bool permanent);
}
