using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <summary>
    /// Nothing to create: tenant contexts now map the catalog's webhook outbox (public.webhook_events, made by the catalog
    /// migration of the same name) excluded from their own migrations; this records that in the tenant model's snapshot.
    /// </summary>
    public partial class WebhooksOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
