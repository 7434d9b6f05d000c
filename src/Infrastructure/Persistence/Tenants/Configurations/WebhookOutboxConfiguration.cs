using BrandAutomator.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

/// <summary>
/// The webhook outbox as a tenant context sees it: the catalog's view <c>public.webhook_outbox</c> of
/// <c>public.webhook_events</c> (made by the catalog's migrations, never by a tenant's), written by qualified name in the
/// same transaction as the tenant's change. The view's trigger keeps an event only when an enabled endpoint of the
/// workspace takes its type (migration <c>WebhookOutboxOnlyWhenSubscribed</c>); tenant contexts only ever add events.
/// </summary>
internal sealed class WebhookOutboxConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.ToTable("webhook_outbox", "public", t => t.ExcludeFromMigrations());
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(60);
        builder.Property(e => e.Payload).HasColumnType("text");
        builder.Ignore(e => e.PublicId);
    }
}
