using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_metrics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    collected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "metrics_accounts",
                columns: table => new
                {
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paused_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_account_read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metrics_accounts", x => x.connection_id);
                });

            migrationBuilder.CreateTable(
                name: "post_metrics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    collected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_metrics", x => x.id);
                    table.ForeignKey(
                        name: "fk_post_metrics_content_items_content_item_id",
                        column: x => x.content_item_id,
                        principalTable: "content_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_performance",
                columns: table => new
                {
                    content_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform_post_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_collection_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_collected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    collections = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    impressions = table.Column<long>(type: "bigint", nullable: false),
                    reach = table.Column<long>(type: "bigint", nullable: false),
                    clicks = table.Column<long>(type: "bigint", nullable: false),
                    reactions = table.Column<long>(type: "bigint", nullable: false),
                    comments = table.Column<long>(type: "bigint", nullable: false),
                    shares = table.Column<long>(type: "bigint", nullable: false),
                    saves = table.Column<long>(type: "bigint", nullable: false),
                    video_views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_performance", x => new { x.content_item_id, x.platform });
                    table.ForeignKey(
                        name: "fk_post_performance_content_items_content_item_id",
                        column: x => x.content_item_id,
                        principalTable: "content_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_metrics_connection_id_kind_day",
                table: "account_metrics",
                columns: new[] { "connection_id", "kind", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_account_metrics_day_platform",
                table: "account_metrics",
                columns: new[] { "day", "platform" });

            migrationBuilder.CreateIndex(
                name: "ix_post_metrics_content_item_id_platform_kind_window_start",
                table: "post_metrics",
                columns: new[] { "content_item_id", "platform", "kind", "window_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_performance_connection_id_next_collection_at",
                table: "post_performance",
                columns: new[] { "connection_id", "next_collection_at" });

            migrationBuilder.CreateIndex(
                name: "ix_post_performance_published_at",
                table: "post_performance",
                column: "published_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_metrics");

            migrationBuilder.DropTable(
                name: "metrics_accounts");

            migrationBuilder.DropTable(
                name: "post_metrics");

            migrationBuilder.DropTable(
                name: "post_performance");
        }
    }
}
