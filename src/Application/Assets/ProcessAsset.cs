using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
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
/// documents split into searchable passages (heading path kept, embedded for semantic search). Sent by the processing
/// worker with the tenant already set.
/// </summary>
public sealed record ProcessAsset(Guid AssetId) : ICommand<ProcessingOutcome>;

public sealed partial class ProcessAssetHandler(
    ITenantDb db, ITenantContext tenant, IFileStorage storage, IMediaAnalyzer media, IEmbeddingGenerator<string, Embedding<float>> embedder,
    TimeProvider clock, ILogger<ProcessAssetHandler> logger)
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
            var text = await AnalyseAsync(asset, cancellationToken);
            var chunks = text is null ? [] : TextChunker.Split(text);
            var vectors = await EmbedAsync(chunks, cancellationToken);
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            await db.AssetChunks.Where(c => c.AssetId == asset.Id).ExecuteDeleteAsync(cancellationToken);
            db.AssetChunks.AddRange(chunks.Select((p, i) => AssetChunk.Create(asset.Id, p.Ordinal, p.Page, p.Text, p.Heading, vectors[i])));
            asset.MarkReady(chunks.Count, TextChunker.Version, ArchiveHints.Find(asset.Name, text), clock.GetUtcNow());
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

    /// <summary>What is embedded for a passage: its heading path, then its text, within what the model reads (about 256 word pieces).</summary>
    public static string EmbeddingInput(string? heading, string text)
    {
        var input = heading is null ? text : heading + "\n" + text;
        return input.Length <= MaxEmbeddedLength ? input : input[..MaxEmbeddedLength];
    }

    // The model was trained on inputs of up to 256 word pieces and reads no further than 512; more only costs time.
    private const int MaxEmbeddedLength = 1000;

    private async Task<float[][]> EmbedAsync(IReadOnlyList<TextChunk> chunks, CancellationToken cancellationToken)
    {
        if (chunks.Count == 0)
        {
            return [];
        }

        var embeddings = await embedder.GenerateAsync(chunks.Select(c => EmbeddingInput(c.Heading, c.Text)), cancellationToken: cancellationToken);
        return embeddings.Select(e => e.Vector.ToArray()).ToArray();
    }

    /// <summary>The document's text, or null for images and videos (whose metadata and thumbnails are recorded instead).</summary>
    private async Task<string?> AnalyseAsync(BrandAsset asset, CancellationToken cancellationToken)
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
                return null;
            case AssetType.Video:
                local.Position = 0;
                var video = media.ReadVideo(local);
                asset.RecordVideo(video.Duration?.TotalSeconds, video.Width, video.Height);
                return null;
            default:
                local.Position = 0;
                return media.ExtractText(local, asset.MediaType);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing asset {AssetId} failed (attempt {Attempt}, permanent: {Permanent})")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid assetId, int attempt, bool permanent);
}
