using System.Text.Json;
using System.Text.Json.Serialization;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BrandAutomator.Infrastructure.Webhooks;

/// <summary>
/// Raises webhook events from the state changes a unit of work is about to save, and adds them to that same unit of
/// work: the outbox row commits or rolls back with the change, whichever handler, job or import made it. Reading the
/// transitions at the save, rather than in each use case, means a new path to "published" cannot forget its event.
/// </summary>
internal static class WebhookEventCollector
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Adds an outbox row for every event the tracked changes raise; <paramref name="tenantId"/> is null for the catalog.</summary>
    public static void Collect(DbContext context, Guid? tenantId, DateTimeOffset now)
    {
        context.ChangeTracker.DetectChanges();
        var raised = new List<(Guid TenantId, string Type, object Data)>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ContentItem item when tenantId is { } id:
                    raised.AddRange(ForPost(entry, item).Select(e => (id, e.Type, e.Data)));
                    break;
                case BrandAsset asset when tenantId is { } id && Became(entry, nameof(BrandAsset.State), AssetState.Ready):
                    raised.Add((id, WebhookEventTypes.AssetReady, new
                    {
                        assetId = asset.Id, name = asset.Name, type = asset.Type, mediaType = asset.MediaType, sizeBytes = asset.SizeBytes,
                    }));
                    break;
                case SocialConnection connection when tenantId is { } id
                    && (Became(entry, nameof(SocialConnection.Status), ConnectionStatus.NeedsReconnect)
                        || Became(entry, nameof(SocialConnection.Status), ConnectionStatus.Revoked)):
                    raised.Add((id, WebhookEventTypes.ConnectionNeedsAttention, new
                    {
                        connectionId = connection.Id, platform = connection.Platform, displayName = connection.DisplayName,
                        status = connection.Status, reason = connection.StatusReason,
                    }));
                    break;
                case Tenant tenant when entry.State == EntityState.Modified
                    && (Changed(entry, nameof(Tenant.Plan)) || Changed(entry, nameof(Tenant.SubscriptionStatus))):
                    raised.Add((tenant.Id, WebhookEventTypes.SubscriptionChanged, new
                    {
                        plan = tenant.Plan, status = tenant.SubscriptionStatus,
                        previousPlan = entry.Property(nameof(Tenant.Plan)).OriginalValue as string,
                        previousStatus = entry.Property(nameof(Tenant.SubscriptionStatus)).OriginalValue,
                    }));
                    break;
            }
        }

        foreach (var (owner, type, data) in raised)
        {
            var id = Guid.CreateVersion7(now);
            var payload = JsonSerializer.Serialize(new { id = WebhookEvent.PublicIdOf(id), type, timestamp = now, data }, Json);
            context.Add(WebhookEvent.Raise(id, owner, type, payload, now));
        }
    }

    /// <summary>The JSON of a test event for one endpoint.</summary>
    public static string Payload(Guid id, string type, DateTimeOffset now, object data) =>
        JsonSerializer.Serialize(new { id = WebhookEvent.PublicIdOf(id), type, timestamp = now, data }, Json);

    private static IEnumerable<(string Type, object Data)> ForPost(EntityEntry entry, ContentItem item)
    {
        var previous = entry.State == EntityState.Added ? (ContentState?)null : (ContentState)entry.Property(nameof(ContentItem.State)).OriginalValue!;
        var post = new
        {
            postId = item.Id, title = item.Title, state = item.State, scheduledAt = item.ScheduledAt, publishedAt = item.PublishedAt,
            platforms = item.Variants.Select(v => v.Platform).ToList(), error = item.LastError,
        };

        // Scheduled by a person (ScheduledOn is set only then), not put back after a retry or a recovered run.
        if (item.State == ContentState.Scheduled && (previous is null || Changed(entry, nameof(ContentItem.ScheduledOn))))
        {
            yield return (WebhookEventTypes.PostScheduled, post);
        }

        if (previous == item.State)
        {
            yield break;
        }

        switch (item.State)
        {
            case ContentState.Published:
                yield return (WebhookEventTypes.PostPublished, post);
                break;
            case ContentState.Failed:
                yield return (WebhookEventTypes.PostFailed, post);
                break;
            case ContentState.Unconfirmed:
                yield return (WebhookEventTypes.PostUnconfirmed, post);
                break;
            case ContentState.InReview:
                yield return (WebhookEventTypes.ApprovalRequested, new { postId = item.Id, title = item.Title, submittedBy = item.SubmittedBy });
                break;
            case ContentState.Approved or ContentState.Draft when previous == ContentState.InReview && Changed(entry, nameof(ContentItem.ReviewedAt)):
                yield return (WebhookEventTypes.ApprovalDecided, new
                {
                    postId = item.Id, title = item.Title, decision = item.State == ContentState.Approved ? "approved" : "rejected",
                    comment = item.ReviewComment, reviewedBy = item.ReviewedBy,
                });
                break;
        }
    }

    private static bool Changed(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return entry.State == EntityState.Added || !Equals(p.OriginalValue, p.CurrentValue);
    }

    private static bool Became<T>(EntityEntry entry, string property, T value)
        where T : struct, Enum
    {
        var p = entry.Property(property);
        return Equals(p.CurrentValue, value) && (entry.State == EntityState.Added || !Equals(p.OriginalValue, value));
    }
}
