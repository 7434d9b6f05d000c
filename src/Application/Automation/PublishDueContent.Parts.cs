using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Automation;

/// <summary>
/// One network's parts, in order: the post, its thread's later parts (each a reply to the one before) and its first comment.
/// Each part is sent at most once: a part with a published attempt is never sent again (its id is taken from that
/// attempt), so a run after a crash or a transient failure goes on from the last confirmed part.
/// </summary>
public sealed partial class PublishDueContentHandler
{
    private async Task<(PublishResult Post, PublishResult? Comment)> PublishNetworkAsync(
        ContentItem item, Guid runId, ContentVariant variant, IReadOnlyList<PublishAttempt> attempts, List<SocialConnection> connections,
        CancellationToken cancellationToken)
    {
        var platform = variant.Platform;
        var thread = platform.TakesThread() ? variant.Options?.Thread ?? [] : [];
        var parts = 1 + thread.Count;
        string? firstId = null, previousId = null;
        for (var part = 1; part <= parts; part++)
        {
            var kind = part == 1 ? PublishPartKind.Post : PublishPartKind.ThreadPart;
            var result = Settled(item, attempts, platform, kind, part)
                ?? (part == 1
                    ? await PublishVariantAsync(item, runId, variant, connections, cancellationToken)
                    : await PublishFollowUpAsync(item, runId, platform, kind, part, thread[part - 2], previousId!, connections, cancellationToken));
            if (result.Kind != PublishResultKind.Published)
            {
                return (part == 1 ? result : result with { Message = $"Part {part} of {parts} of the thread: {result.Message}" }, null);
            }

            firstId ??= result.PostId;
            previousId = result.PostId;
        }

        var post = PublishResult.Published(firstId ?? "");
        if (variant.Options?.FirstComment is not { } comment || !platform.TakesFirstComment())
        {
            return (post, null);
        }

        // On X the comment is a reply, under the thread's last part; elsewhere a comment on the post.
        var parent = platform == SocialPlatform.X ? previousId! : firstId!;
        var sent = Settled(item, attempts, platform, PublishPartKind.FirstComment, 1)
            ?? await PublishFollowUpAsync(item, runId, platform, PublishPartKind.FirstComment, 1, comment, parent, connections, cancellationToken);
        return (post, sent.Kind == PublishResultKind.Published ? sent : sent with { Message = $"first comment not posted: {sent.Message}" });
    }

    /// <summary>
    /// The part's outcome if it needs no request: published ever (never sent twice), or refused or unconfirmed since this
    /// schedule (sent again only once a member schedules the post again, after checking the network).
    /// </summary>
    private static PublishResult? Settled(ContentItem item, IReadOnlyList<PublishAttempt> attempts, SocialPlatform platform, PublishPartKind kind, int part)
    {
        var mine = attempts.Where(a => a.Platform == platform && a.PartKind == kind && a.Part == part).ToList();
        if (mine.FirstOrDefault(a => a.Outcome == PublishOutcome.Published) is { } published)
        {
            return PublishResult.Published(published.PlatformPostId ?? "");
        }

        var settled = mine.Where(a => a.StartedAt >= item.ScheduledOn && a.Outcome is PublishOutcome.Rejected or PublishOutcome.Unconfirmed)
            .OrderByDescending(a => a.StartedAt).FirstOrDefault();
        return settled?.Outcome switch
        {
            PublishOutcome.Unconfirmed => PublishResult.Lost(settled.Error ?? "No answer came back."),
            PublishOutcome.Rejected => PublishResult.Rejected(settled.Error ?? "Refused."),
            _ => null,
        };
    }

    private async Task<PublishResult> PublishFollowUpAsync(
        ContentItem item, Guid runId, SocialPlatform platform, PublishPartKind kind, int part, string text, string parentId,
        List<SocialConnection> connections, CancellationToken cancellationToken)
    {
        var connection = SocialConnection.ChooseForPost(connections, platform, item.CompanyId);
        if (connection is null || !connection.CanPublish)
        {
            return PublishResult.Rejected($"The {platform.DisplayName()} account needs attention: reconnect it, then send this again.");
        }

        var publisher = followUps.FirstOrDefault(p => p.Platform == platform);
        if (publisher is null)
        {
            return PublishResult.Rejected($"{(kind == PublishPartKind.FirstComment ? "First comments" : "Threads")} on {platform.DisplayName()} are not available on this server.");
        }

        Task<PublishResult> Send() => SendPartAsync(item, runId, platform, connection, kind, part, (token, attemptId) => publisher.PublishAsync(
            new FollowUpRequest(platform, kind, connection.ExternalAccountId, token, text, parentId, item.Id, attemptId), CancellationToken.None),
            cancellationToken);

        var result = await Send();
        if (result.Kind == PublishResultKind.Unauthorized && await credentials.TryRefreshAsync(connection, cancellationToken))
        {
            result = await Send();
        }

        if (result.Kind != PublishResultKind.Unauthorized)
        {
            return result;
        }

        await credentials.RequireReconnectAsync(connection, result.Message ?? "The network refused the access token.");
        return PublishResult.Rejected($"{platform.DisplayName()} refused the access of \"{connection.DisplayName}\": reconnect this account. ({result.Message})");
    }

    /// <summary>Once the post is published, the members hear of each first comment that did not get out, with its reason.</summary>
    private Notification? FirstCommentsNotPosted(ContentItem item, List<(SocialPlatform Platform, PublishResult Result)> comments)
    {
        var failed = comments.Where(c => c.Result.Kind != PublishResultKind.Published).ToList();
        return failed.Count == 0 ? null
            : notifier.AddFirstCommentFailed(item, string.Join(" ", failed.Select(c => $"{c.Platform.DisplayName()}: {c.Result.Message}")));
    }

    private static List<NetworkResult> NetworkResults(List<(SocialPlatform Platform, PublishResult Result)> results) =>
        results.Select(r => new NetworkResult(r.Platform, OutcomeOf(r.Result.Kind), r.Result.PostId, r.Result.Message, r.Result.RetryAfter)).ToList();

    /// <summary>
    /// The run lost the post: its changes to the post are dropped (the sweep's outcome stands), but what the networks
    /// answered is still written to the attempts, whose outcome may have been waiting for the save that failed.
    /// </summary>
    private async Task LostLeaseAsync(ContentItem item)
    {
        LogLostLease(logger, item.Id);
        db.DiscardChanges();
        if (_finished.Count > 0)
        {
            db.PublishAttempts.UpdateRange(_finished);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
