using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Migrations
{
    /// <summary>
    /// Tenant contexts write webhook events through <c>public.webhook_outbox</c>, a view of the outbox whose INSTEAD OF
    /// trigger writes an event only when an enabled endpoint of its workspace takes its type, in the same statement and
    /// transaction as the change. An event nobody takes used to be written, fanned out to no endpoint and kept: at a peak
    /// that was one insert a post on the hottest pages of the catalog, and a dispatch round for nothing.
    /// </summary>
    public partial class WebhookOutboxOnlyWhenSubscribed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE VIEW public.webhook_outbox AS
                    SELECT id, tenant_id, type, occurred_at, payload, dispatched_at FROM public.webhook_events;

                CREATE FUNCTION public.webhook_outbox_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM public.webhook_endpoints e
                               WHERE e.tenant_id = NEW.tenant_id AND e.enabled AND NEW.type = ANY (e.events)) THEN
                        INSERT INTO public.webhook_events (id, tenant_id, type, occurred_at, payload, dispatched_at)
                        VALUES (NEW.id, NEW.tenant_id, NEW.type, NEW.occurred_at, NEW.payload, NEW.dispatched_at);
                    END IF;
                    -- The row counts as written either way: the change it belongs to is saved, with or without its event.
                    RETURN NEW;
                END
                $$;

                CREATE TRIGGER webhook_outbox_insert INSTEAD OF INSERT ON public.webhook_outbox
                    FOR EACH ROW EXECUTE FUNCTION public.webhook_outbox_insert();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP VIEW public.webhook_outbox;
                DROP FUNCTION public.webhook_outbox_insert();
                """);
        }
    }
}
