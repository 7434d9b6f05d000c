using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Automation;

/// <summary>
/// The upload step of a publishing run, for networks with an <see cref="ISocialMediaUploader"/>: it checks the media
/// against the network's limits (<see cref="PostMediaSpecs"/>), uploads them while keeping the run's lease on the post,
/// and records a refusal as the network's attempt so that the post shows why it failed. Nothing here posts: it runs
/// before the post's attempt is written, so every failure other than a refusal is simply tried again, uploads included.
/// </summary>
public sealed partial class PublishingMediaUploads(
    IEnumerable<ISocialMediaUploader> uploaders, ITenantDb db, IOptions<PublishingOptions> options, TimeProvider clock,
    ILogger<PublishingMediaUploads> logger)
{
    /// <summary>The media as the publisher is to send them: uploaded first where the network takes uploads.</summary>
    public async Task<MediaUpload> UploadAsync(
        ContentItem item, Guid runId, SocialConnection connection, string accessToken, IReadOnlyList<PublishMedia> media,
        CancellationToken cancellationToken)
    {
        var platform = connection.Platform;
        var uploader = uploaders.FirstOrDefault(u => u.Platform == platform);
        if (uploader is null || media.Count == 0)
        {
            return MediaUpload.Done(media);
        }

        var facts = media.Select(m => new PostMedium(m.IsVideo, m.Content?.MediaType ?? "", m.Content?.Length ?? 0)).ToList();
        if (PostMediaSpecs.Problem(platform, facts) is { } problem)
        {
            return await RefusedAsync(item, runId, connection, PublishResult.Rejected($"{problem} Choose other media, then schedule the post again."));
        }

        var kept = clock.GetUtcNow();
        async Task StillWorkingAsync(CancellationToken token)
        {
            // A large video takes longer than a lease: renewing it keeps the sweep from handing the post to another run.
            var now = clock.GetUtcNow();
            if (now - kept >= options.Value.Lease / 4)
            {
                item.ExtendLease(now, options.Value.Lease);
                await db.SaveChangesAsync(token);
                kept = now;
            }
        }

        MediaUpload upload;
        try
        {
            upload = await uploader.UploadAsync(new MediaUploadRequest(platform, connection.ExternalAccountId, accessToken, media, StillWorkingAsync), cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DbUpdateConcurrencyException))
        {
            LogUploadFailed(logger, ex, item.Id, platform);
            return MediaUpload.Stopped(PublishResult.Retry($"The upload of the media to {platform.DisplayName()} failed in an unexpected way; it will be tried again."));
        }

        return upload.Failure is { Kind: PublishResultKind.Rejected } refused ? await RefusedAsync(item, runId, connection, refused) : upload;
    }

    private async Task<MediaUpload> RefusedAsync(ContentItem item, Guid runId, SocialConnection connection, PublishResult refused)
    {
        var now = clock.GetUtcNow();
        var attempt = PublishAttempt.Start(item.Id, runId, connection.Platform, connection.Id, now);
        attempt.Finish(PublishOutcome.Rejected, null, refused.Message, now);
        db.PublishAttempts.Add(attempt);
        item.ExtendLease(now, options.Value.Lease);
        await db.SaveChangesAsync(CancellationToken.None);
        return MediaUpload.Stopped(refused);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media upload to {Platform} failed on post {ItemId}")]
    private static partial void LogUploadFailed(ILogger logger, Exception exception, Guid itemId, SocialPlatform platform);
}
