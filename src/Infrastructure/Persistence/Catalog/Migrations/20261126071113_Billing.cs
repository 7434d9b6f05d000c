using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Migrations
{
    /// <inheritdoc />
    public partial class Billing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "last_billing_event_key",
                schema: "public",
                table: "tenants",
                type: "character varying(275)",
                maxLength: 275,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plan",
                schema: "public",
                table: "tenants",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plan_event_key",
                schema: "public",
                table: "tenants",
                type: "character varying(275)",
                maxLength: 275,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status_event_key",
                schema: "public",
                table: "tenants",
                type: "character varying(275)",
                maxLength: 275,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stripe_customer_id",
                schema: "public",
                table: "tenants",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stripe_subscription_id",
                schema: "public",
                table: "tenants",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subscription_status",
                schema: "public",
                table: "tenants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Tenants that exist before billing have never subscribed (EF would fill in "", which is no status).
                defaultValue: "None");

            migrationBuilder.CreateTable(
                name: "processed_stripe_events",
                schema: "public",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processed_stripe_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_processed_stripe_events_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalSchema: "public",
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tenants_stripe_customer_id",
                schema: "public",
                table: "tenants",
                column: "stripe_customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenants_stripe_subscription_id",
                schema: "public",
                table: "tenants",
                column: "stripe_subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_processed_stripe_events_tenant_id",
                schema: "public",
                table: "processed_stripe_events",
                column: "tenant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "processed_stripe_events",
                schema: "public");

            migrationBuilder.DropIndex(
                name: "ix_tenants_stripe_customer_id",
                schema: "public",
                table: "tenants");

            migrationBuilder.DropIndex(
                name: "ix_tenants_stripe_subscription_id",
                schema: "public",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "last_billing_event_key",
                schema: "public",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "plan",
                schema: "public",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "plan_event_key",
                schema: "public",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "status_event_key",
                schema: "public",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "stripe_customer_id",
                schema: "public",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "stripe_subscription_id",
                schema: "public",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "subscription_status",
                schema: "public",
                table: "tenants");
        }
    }
}
