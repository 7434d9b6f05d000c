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
    ITenantDb db, IEnumerable<ISocialPublisher> publishers, ITokenRefresher refresher, ISocialTokenProtector tokens,
    IPublishScheduler scheduler, IFileStorage storage, PublishingNotifier notifier, IOptions<PublishingOptions> options, TimeProvider clock,
    ILogger<PublishDueContentHandler> logger) : ICommandHandler<PublishDueContent, PublishRunOutcome>
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
        var connection = connections
            .Where(c => c.Platform == platform && c.Status != ConnectionStatus.Revoked)
            .OrderByDescending(c => c.CompanyId == item.CompanyId).ThenByDescending(c => c.CompanyId == null).ThenByDescending(c => c.UpdatedAt)
            .FirstOrDefault();
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
        var result = await SendAsync(item, runId, variant, connection, publisher, media, cancellationToken);
        if (result.Kind != PublishResultKind.Unauthorized)
        {
            return result;
        }

        // One refresh, one retry: a token that expired early is renewed; anything else needs the user.
        if (await TryRefreshAsync(connection, cancellationToken))
        {
            result = await SendAsync(item, runId, variant, connection, publisher, media, cancellationToken);
            if (result.Kind != PublishResultKind.Unauthorized)
            {
                return result;
            }
        }

        connection.RequireReconnect(result.Message ?? "The network refused the access token.", clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return PublishResult.Rejected(
            $"{platform.DisplayName()} refused the access of \"{connection.DisplayName}\": reconnect this account. ({result.Message})");
    }

    private async Task<PublishResult> SendAsync(
        ContentItem item, Guid runId, ContentVariant variant, SocialConnection connection, ISocialPublisher publisher,
        IReadOnlyList<PublishMedia> media, CancellationToken cancellationToken)
    {
        var attempt = PublishAttempt.Start(item.Id, runId, variant.Platform, connection.Id, clock.GetUtcNow());
        db.PublishAttempts.Add(attempt);
        item.ExtendLease(clock.GetUtcNow(), options.Value.Lease);
        // Committed before the request: if this process dies while the request is out, the row says it may have gone.
        await db.SaveChangesAsync(cancellationToken);

        PublishResult result;
        try
        {
            var token = tokens.Unprotect(variant.Platform, connection.EncryptedAccessToken);
            // Not cancelled on shutdown: a request cut off half-way is exactly the unknown outcome we avoid.
            result = await publisher.PublishAsync(
                new PublishRequest(variant.Platform, connection.ExternalAccountId, token, variant.Text, media, item.Id, attempt.Id),
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublisherFailed(logger, ex, item.Id, variant.Platform);
            result = PublishResult.Lost($"The request to {variant.Platform.DisplayName()} failed in an unexpected way: {ex.Message}");
        }

        attempt.Finish(result.Kind switch
        {
            PublishResultKind.Published => PublishOutcome.Published,
            PublishResultKind.RetryLater => PublishOutcome.RetryLater,
            PublishResultKind.Unauthorized => PublishOutcome.Unauthorized,
            PublishResultKind.Rejected => PublishOutcome.Rejected,
            _ => PublishOutcome.Unconfirmed,
        }, result.PostId, result.Message, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    private async Task<bool> TryRefreshAsync(SocialConnection connection, CancellationToken cancellationToken)
    {
        if (!connection.CanRefresh)
        {
            return false;
        }

        RefreshedTokens? refreshed;
        try
        {
            refreshed = await refresher.RefreshAsync(connection.Platform, tokens.Unprotect(connection.Platform, connection.EncryptedRefreshToken!), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, ex, connection.Id);
            refreshed = null;
        }

        if (refreshed is null)
        {
            return false;
        }

        connection.ReplaceTokens(
            tokens.Protect(connection.Platform, refreshed.AccessToken),
            refreshed.RefreshToken is null ? null : tokens.Protect(connection.Platform, refreshed.RefreshToken),
            refreshed.ExpiresAt, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
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
            .Select(a => new PublishMedia(storage.CreateSignedUrl(a.StorageKey, MediaLinkLifetime), a.Type == AssetType.Video))
            .ToList();
    }

    private async Task<PublishRunOutcome> FinishAsync(
        ContentItem item, AutomationTask task, List<(SocialPlatform Platform, PublishResult Result)> results, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var summary = string.Join(" ", results.Select(r => r.Result.Kind == PublishResultKind.Published
            ? $"{r.Platform.DisplayName()}: published ({r.Result.PostId})."
            : $"{r.Platform.DisplayName()}: {r.Result.Message}"));
        var retries = results.Where(r => r.Result.Kind == PublishResultKind.RetryLater).ToList();
        var lost = results.Any(r => r.Result.Kind == PublishResultKind.Unconfirmed);
        var failed = results.Any(r => r.Result.Kind is PublishResultKind.Rejected or PublishResultKind.Unauthorized);

        PublishRunOutcome outcome;
        Notification? notification = null;
        DateTimeOffset? retryAt = null;
        if (retries.Count > 0 && item.FailedRuns + 1 < settings.MaxRuns)
        {
            var wait = settings.Backoff(item.FailedRuns + 1);
            var asked = retries.Select(r => r.Result.RetryAfter ?? TimeSpan.Zero).Max();
            retryAt = now + (asked > wait ? asked : wait);
            item.RetryLater(retryAt.Value, summary, now);
            task.Finish(AutomationTaskState.Retrying, $"{summary} Next attempt at {retryAt:u}.", now);
            outcome = PublishRunOutcome.RetryScheduled;
        }
        else if (lost)
        {
            item.MarkUnconfirmed(summary, now);
            task.Finish(AutomationTaskState.Unconfirmed, summary, now);
            notification = notifier.Add(item, unconfirmed: true, summary);
            outcome = PublishRunOutcome.Unconfirmed;
        }
        else if (failed || retries.Count > 0)
        {
            var reason = retries.Count > 0 && !failed ? $"Gave up after {item.FailedRuns + 1} attempts. {summary}" : summary;
            item.MarkFailed(reason, now);
            task.Finish(AutomationTaskState.Failed, reason, now);
            notification = notifier.Add(item, unconfirmed: false, reason);
            outcome = PublishRunOutcome.Failed;
        }
        else
        {
            item.MarkPublished(now);
            task.Finish(AutomationTaskState.Succeeded, summary, now);
            outcome = PublishRunOutcome.Published;
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

        if (retryAt is { } at)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token refresh failed for connection {ConnectionId}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, Guid connectionId);
}
