using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <inheritdoc />
    public partial class VolumeReviewRecurringFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "series_id",
                table: "content_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "series_index",
                table: "content_items",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "feeds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    target = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    platforms = table.Column<string[]>(type: "text[]", nullable: false),
                    template = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    interval_minutes = table.Column<int>(type: "integer", nullable: false),
                    e_tag = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    last_modified = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    primed = table.Column<bool>(type: "boolean", nullable: false),
                    last_polled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_poll_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feeds", x => x.id);
                    table.ForeignKey(
                        name: "fk_feeds_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recurring_series",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rule = table.Column<string>(type: "json", nullable: false),
                    first_local = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    made = table.Column<int>(type: "integer", nullable: false),
                    ends_before_index = table.Column<int>(type: "integer", nullable: true),
                    continued_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    variants = table.Column<string>(type: "json", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recurring_series", x => x.id);
                    table.ForeignKey(
                        name: "fk_recurring_series_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    link_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_decisions_content_items_content_item_id",
                        column: x => x.content_item_id,
                        principalTable: "content_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feed_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    feed_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    link = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    content_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feed_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_feed_entries_feeds_feed_id",
                        column: x => x.feed_id,
                        principalTable: "feeds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_content_items_series_id_series_index",
                table: "content_items",
                columns: new[] { "series_id", "series_index" },
                unique: true,
                filter: "series_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_feed_entries_feed_id_key",
                table: "feed_entries",
                columns: new[] { "feed_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_feeds_company_id",
                table: "feeds",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_feeds_next_poll_at",
                table: "feeds",
                column: "next_poll_at");

            migrationBuilder.CreateIndex(
                name: "ix_recurring_series_company_id",
                table: "recurring_series",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_content_item_id_decided_at",
                table: "review_decisions",
                columns: new[] { "content_item_id", "decided_at" });

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_link_id_content_item_id_decided_at",
                table: "review_decisions",
                columns: new[] { "link_id", "content_item_id", "decided_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_content_items_recurring_series_series_id",
                table: "content_items",
                column: "series_id",
                principalTable: "recurring_series",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_content_items_recurring_series_series_id",
                table: "content_items");

            migrationBuilder.DropTable(
                name: "feed_entries");

            migrationBuilder.DropTable(
                name: "recurring_series");

            migrationBuilder.DropTable(
                name: "review_decisions");

            migrationBuilder.DropTable(
                name: "feeds");

            migrationBuilder.DropIndex(
                name: "ix_content_items_series_id_series_index",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "series_id",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "series_index",
                table: "content_items");
        }
    }
}
