using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Automation;

public enum PublishRunOutcome
{
    /// <summary>Not claimed: not Scheduled any more (cancelled, published, claimed by another run) or not due yet.</summary>
    NothingToDo,
    Published,
    RetryScheduled,
    Failed,
    Unconfirmed,
}

/// <summary>
/// The publishing job's work for one post, run by whichever node's trigger fires. Exactly-once rests on three steps:
/// the claim (Scheduled -> Publishing under the row's version: one run wins, the others do nothing), an attempt row
/// committed before each request goes out (so a crash is seen as "may have been sent", never as "not sent"), and never
/// sending again a network that already has a Published attempt.
/// </summary>
public sealed record PublishDueContent(Guid ItemId) : ICommand<PublishRunOutcome>;

public sealed partial class PublishDueContentHandler(
    ITenantDb db, IEnumerable<ISocialPublisher> publishers, PublishingCredentials credentials, IPublishScheduler scheduler,
    IFileStorage storage, PublishingNotifier notifier, Links.LinkShortener links, IOptions<PublishingOptions> options, TimeProvider clock,
    ILogger<PublishDueContentHandler> logger, PublishingMediaUploads mediaUploads) : ICommandHandler<PublishDueContent, PublishRunOutcome>
{
    private static readonly TimeSpan MediaLinkLifetime = TimeSpan.FromHours(2);

    public async ValueTask<PublishRunOutcome> Handle(PublishDueContent command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var item = await db.ContentItems.SingleOrDefaultAsync(c => c.Id == command.ItemId, cancellationToken);
        var runId = Guid.CreateVersion7(now);
        if (item is null || !item.TryClaim(runId, now, settings.Lease, TimeSpan.FromSeconds(settings.EarlyToleranceSeconds)))
        {
            return PublishRunOutcome.NothingToDo;
        }

        var task = AutomationTask.StartPublishing(runId, item, now);
        db.AutomationTasks.Add(task);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run (on this node or another) claimed it first, or a member changed it: theirs wins.
            db.DiscardChanges();
            return PublishRunOutcome.NothingToDo;
        }

        // Networks already settled: published ever (never again), or refused or unconfirmed since this schedule.
        var settled = await db.PublishAttempts.AsNoTracking()
            .Where(a => a.ContentItemId == item.Id && (a.Outcome == PublishOutcome.Published ||
                (a.StartedAt >= item.ScheduledOn && (a.Outcome == PublishOutcome.Rejected || a.Outcome == PublishOutcome.Unconfirmed))))
            .ToListAsync(cancellationToken);
        var connections = await db.SocialConnections.ToListAsync(cancellationToken);
        var results = new List<(SocialPlatform Platform, PublishResult Result)>();
        foreach (var variant in item.Variants)
        {
            if (settled.Where(a => a.Platform == variant.Platform).OrderByDescending(a => a.StartedAt).FirstOrDefault() is { } earlier)
            {
                results.Add((variant.Platform, earlier.Outcome switch
                {
                    PublishOutcome.Published => PublishResult.Published(earlier.PlatformPostId ?? ""),
                    PublishOutcome.Unconfirmed => PublishResult.Lost(earlier.Error ?? "No answer came back."),
                    _ => PublishResult.Rejected(earlier.Error ?? "Refused."),
                }));
                continue;
            }

            try
            {
                results.Add((variant.Platform, await PublishVariantAsync(item, runId, variant, connections, cancellationToken)));
            }
            catch (DbUpdateConcurrencyException)
            {
                // The run lost the post (the sweep took it back after the lease ran out): stop without sending more.
                LogLostLease(logger, item.Id);
                db.DiscardChanges();
                return PublishRunOutcome.NothingToDo;
            }
        }

        return await FinishAsync(item, task, results, cancellationToken);
    }

    private async Task<PublishResult> PublishVariantAsync(
        ContentItem item, Guid runId, ContentVariant variant, List<SocialConnection> connections, CancellationToken cancellationToken)
    {
        var platform = variant.Platform;
        var connection = SocialConnection.ChooseForPost(connections, platform, item.CompanyId);
        if (connection is null)
        {
            return PublishResult.Rejected($"No {platform.DisplayName()} account is connected: connect one, then schedule the post again.");
        }

        if (!connection.CanPublish)
        {
            return PublishResult.Rejected($"The {platform.DisplayName()} account \"{connection.DisplayName}\" needs attention: reconnect this account, then schedule the post again.");
        }

        var publisher = publishers.FirstOrDefault(p => p.Platform == platform);
        if (publisher is null)
        {
            return PublishResult.Rejected($"Publishing to {platform.DisplayName()} is not available on this server.");
        }

        var media = await MediaAsync(variant, cancellationToken);
        // Each network's text gets its own short links (its own utm_source); the post keeps the addresses as written.
        variant = variant with { Text = await links.ShortenAsync(item, variant, cancellationToken) };
        var result = await SendAsync(item, runId, variant, connection, publisher, media, cancellationToken);
        if (result.Kind != PublishResultKind.Unauthorized)
        {
            return result;
        }

        // One refresh, one retry: a token that expired early is renewed; anything else needs the user.
        if (await credentials.TryRefreshAsync(connection, cancellationToken))
        {
            result = await SendAsync(item, runId, variant, connection, publisher, media, cancellationToken);
            if (result.Kind != PublishResultKind.Unauthorized)
            {
                return result;
            }
        }

        await credentials.RequireReconnectAsync(connection, result.Message ?? "The network refused the access token.");
        return PublishResult.Rejected(
            $"{platform.DisplayName()} refused the access of \"{connection.DisplayName}\": reconnect this account. ({result.Message})");
    }

    private async Task<PublishResult> SendAsync(
        ContentItem item, Guid runId, ContentVariant variant, SocialConnection connection, ISocialPublisher publisher,
        IReadOnlyList<PublishMedia> media, CancellationToken cancellationToken)
    {
        // Networks that take uploads (LinkedIn, X) get the media first. An upload posts nothing, so it comes before the
        // attempt: a run that dies while uploading is run again from the start, and the post still goes out once.
        var uploaded = await mediaUploads.UploadAsync(item, runId, connection, credentials.AccessToken(connection), media, cancellationToken);
        if (uploaded.Failure is not null)
        {
            return uploaded.Failure;
        }

        media = uploaded.Media;
        var attempt = PublishAttempt.Start(item.Id, runId, variant.Platform, connection.Id, clock.GetUtcNow());
        db.PublishAttempts.Add(attempt);
        item.ExtendLease(clock.GetUtcNow(), options.Value.Lease);
        // Committed before the request: if this process dies while the request is out, the row says it may have gone.
        await db.SaveChangesAsync(cancellationToken);

        PublishResult result;
        try
        {
            var token = credentials.AccessToken(connection);
            // Not cancelled on shutdown: a request cut off half-way is exactly the unknown outcome we avoid.
            result = await publisher.PublishAsync(
                new PublishRequest(variant.Platform, connection.ExternalAccountId, token, variant.Text, media, item.Id, attempt.Id, variant.Options),
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublisherFailed(logger, ex, item.Id, variant.Platform);
            result = PublishResult.Lost($"The request to {variant.Platform.DisplayName()} failed in an unexpected way: {ex.Message}");
        }

        attempt.Finish(OutcomeOf(result.Kind), result.PostId, result.Message, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    private async Task<IReadOnlyList<PublishMedia>> MediaAsync(ContentVariant variant, CancellationToken cancellationToken)
    {
        if (variant.MediaAssetIds.Count == 0)
        {
            return [];
        }

        var ids = variant.MediaAssetIds;
        var assets = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id) && (a.Type == AssetType.Image || a.Type == AssetType.Video))
            .ToListAsync(cancellationToken);
        return ids.Select(id => assets.FirstOrDefault(a => a.Id == id)).OfType<BrandAsset>()
            .Select(a => new PublishMedia(
                storage.CreateSignedUrl(a.StorageKey, MediaLinkLifetime, LinkAudience.Outside), a.Type == AssetType.Video, a.AltText,
                new MediaContent(a.SizeBytes, a.MediaType, ct => storage.OpenReadAsync(a.StorageKey, ct))))
            .ToList();
    }

    private async Task<PublishRunOutcome> FinishAsync(
        ContentItem item, AutomationTask task, List<(SocialPlatform Platform, PublishResult Result)> results, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var end = item.ConcludeRun(
            results.Select(r => new NetworkResult(r.Platform, OutcomeOf(r.Result.Kind), r.Result.PostId, r.Result.Message, r.Result.RetryAfter))
                .ToList(),
            settings.MaxRuns, settings.Backoff, now);
        Notification? notification = null;
        PublishRunOutcome outcome;
        switch (end.Conclusion)
        {
            case RunConclusion.RetryLater:
                task.Finish(AutomationTaskState.Retrying, $"{end.Reason} Next attempt at {end.RetryAt:u}.", now);
                outcome = PublishRunOutcome.RetryScheduled;
                break;
            case RunConclusion.Unconfirmed:
                task.Finish(AutomationTaskState.Unconfirmed, end.Reason, now);
                notification = notifier.Add(item, unconfirmed: true, end.Reason);
                outcome = PublishRunOutcome.Unconfirmed;
                break;
            case RunConclusion.Failed:
                task.Finish(AutomationTaskState.Failed, end.Reason, now);
                notification = notifier.Add(item, unconfirmed: false, end.Reason);
                outcome = PublishRunOutcome.Failed;
                break;
            default:
                task.Finish(AutomationTaskState.Succeeded, end.Reason, now);
                outcome = PublishRunOutcome.Published;
                break;
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogLostLease(logger, item.Id);
            db.DiscardChanges();
            return PublishRunOutcome.NothingToDo;
        }

        if (end.RetryAt is { } at)
        {
            await scheduler.ScheduleAsync(item.Id, at, CancellationToken.None);
        }

        if (notification is not null)
        {
            await notifier.EmailAsync(item, notification, CancellationToken.None);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing run lost post {ItemId} to the sweep; its outcome is the sweep's")]
    private static partial void LogLostLease(ILogger logger, Guid itemId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publisher for {Platform} failed on post {ItemId}")]
    private static partial void LogPublisherFailed(ILogger logger, Exception exception, Guid itemId, SocialPlatform platform);

    private static PublishOutcome OutcomeOf(PublishResultKind kind) => kind switch
    {
        PublishResultKind.Published => PublishOutcome.Published,
        PublishResultKind.RetryLater => PublishOutcome.RetryLater,
        PublishResultKind.Unauthorized => PublishOutcome.Unauthorized,
        PublishResultKind.Rejected => PublishOutcome.Rejected,
        _ => PublishOutcome.Unconfirmed,
    };
}
