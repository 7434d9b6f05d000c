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
/// sending again a part (the post, a thread part, a first comment) that already has a Published attempt.
/// </summary>
public sealed record PublishDueContent(Guid ItemId) : ICommand<PublishRunOutcome>;

public sealed partial class PublishDueContentHandler(
    ITenantDb db, IEnumerable<ISocialPublisher> publishers, IEnumerable<IFollowUpPublisher> followUps, PublishingCredentials credentials,
    IPublishScheduler scheduler, IFileStorage storage, PublishingNotifier notifier, Links.LinkShortener links, IOptions<PublishingOptions> options,
    TimeProvider clock, ILogger<PublishDueContentHandler> logger, PublishingMediaUploads mediaUploads, PublishingThrottle throttle)
    : ICommandHandler<PublishDueContent, PublishRunOutcome>
{
    private static readonly TimeSpan MediaLinkLifetime = TimeSpan.FromHours(2);

    /// <summary>The attempts this run has finished (their start is committed; their outcome may still be on its way).</summary>
    private readonly List<PublishAttempt> _finished = [];

    public async ValueTask<PublishRunOutcome> Handle(PublishDueContent command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var runId = Guid.CreateVersion7(now);
        ContentItem? item;
        AutomationTask task;
        List<PublishAttempt> attempts;
        List<SocialConnection> connections;
        // The claim and what the run needs, on one connection lease (one search_path, one reset), given back before
        // any network is asked: at a peak many runs wait on networks at once, and a lease held then would be idle.
        await using (await db.HoldConnectionAsync(cancellationToken))
        {
            item = await db.ContentItems.SingleOrDefaultAsync(c => c.Id == command.ItemId, cancellationToken);
            if (item is null || !item.TryClaim(runId, now, settings.Lease, TimeSpan.FromSeconds(settings.EarlyToleranceSeconds)))
            {
                return PublishRunOutcome.NothingToDo;
            }

            task = AutomationTask.StartPublishing(runId, item, now);
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

            // Every attempt on the post so far: a part published ever is never sent again, one refused or unconfirmed since
            // this schedule settles its network for this schedule (see PublishNetworkAsync).
            attempts = await db.PublishAttempts.AsNoTracking().Where(a => a.ContentItemId == item.Id).ToListAsync(cancellationToken);
            connections = await db.SocialConnections.ToListAsync(cancellationToken);
        }

        var results = new List<(SocialPlatform Platform, PublishResult Result)>();
        var comments = new List<(SocialPlatform Platform, PublishResult Result)>();
        foreach (var variant in item.Variants)
        {
            try
            {
                // The last network's outcomes are committed before this one's turn, which may be a long wait at a peak.
                await db.SaveChangesAsync(CancellationToken.None);
                // A turn with the network and the account first (many runs are out at a peak), then every part of this network.
                var account = SocialConnection.ChooseForPost(connections, variant.Platform, item.CompanyId);
                await using var turn = await throttle.EnterAsync(variant.Platform, account?.Id, cancellationToken);
                var (post, comment) = await PublishNetworkAsync(item, runId, variant, attempts, connections, cancellationToken);
                results.Add((variant.Platform, post));
                if (comment is not null)
                {
                    comments.Add((variant.Platform, comment));
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // The run lost the post (the sweep took it back after the lease ran out): stop without sending more.
                await LostLeaseAsync(item);
                return PublishRunOutcome.NothingToDo;
            }
        }

        return await FinishAsync(item, task, results, comments, cancellationToken);
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

        return await SendPartAsync(item, runId, variant.Platform, connection, PublishPartKind.Post, 1, (token, attemptId) => publisher.PublishAsync(
            new PublishRequest(variant.Platform, connection.ExternalAccountId, token, variant.Text, uploaded.Media, item.Id, attemptId, variant.Options),
            CancellationToken.None), cancellationToken);
    }

    /// <summary>One request for one part, with its attempt row committed before it goes out and its outcome after.</summary>
    private async Task<PublishResult> SendPartAsync(
        ContentItem item, Guid runId, SocialPlatform platform, SocialConnection connection, PublishPartKind kind, int part,
        Func<string, Guid, Task<PublishResult>> send, CancellationToken cancellationToken)
    {
        var attempt = PublishAttempt.Start(item.Id, runId, platform, connection.Id, clock.GetUtcNow(), kind, part);
        db.PublishAttempts.Add(attempt);
        item.ExtendLease(clock.GetUtcNow(), options.Value.Lease);
        // Committed before the request: if this process dies while the request is out, the row says it may have gone.
        await db.SaveChangesAsync(cancellationToken);

        PublishResult result;
        try
        {
            // Not cancelled on shutdown (the sender passes CancellationToken.None): a request cut off half-way is exactly
            // the unknown outcome we avoid.
            result = await send(credentials.AccessToken(connection), attempt.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublisherFailed(logger, ex, item.Id, platform);
            result = PublishResult.Lost($"The request to {platform.DisplayName()} failed in an unexpected way: {ex.Message}");
        }

        // Committed with the run's next write: the next part's attempt (before its request goes out), the next network's
        // turn, or the run's conclusion. One connection lease fewer for each post; see LostLeaseAsync for a failed save.
        attempt.Finish(OutcomeOf(result.Kind), result.PostId, result.Message, clock.GetUtcNow());
        _finished.Add(attempt);
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
        ContentItem item, AutomationTask task, List<(SocialPlatform Platform, PublishResult Result)> results,
        List<(SocialPlatform Platform, PublishResult Result)> comments, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var end = item.ConcludeRun(NetworkResults(results), NetworkResults(comments), settings.MaxRuns, settings.Backoff, now);
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
                notification = FirstCommentsNotPosted(item, comments);
                outcome = PublishRunOutcome.Published;
                break;
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            await LostLeaseAsync(item);
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
