using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Migrations
{
    /// <inheritdoc />
    public partial class LinksShortLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "short_links",
                schema: "public",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    original_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    target_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    clicks = table.Column<long>(type: "bigint", nullable: false),
                    last_clicked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_short_links", x => x.code);
                    table.ForeignKey(
                        name: "fk_short_links_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalSchema: "public",
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "short_link_click_days",
                schema: "public",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    clicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_short_link_click_days", x => new { x.code, x.day });
                    table.ForeignKey(
                        name: "fk_short_link_click_days_short_links_code",
                        column: x => x.code,
                        principalSchema: "public",
                        principalTable: "short_links",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_short_links_tenant_id_content_item_id",
                schema: "public",
                table: "short_links",
                columns: new[] { "tenant_id", "content_item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_short_links_tenant_id_created_at",
                schema: "public",
                table: "short_links",
                columns: new[] { "tenant_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "short_link_click_days",
                schema: "public");

            migrationBuilder.DropTable(
                name: "short_links",
                schema: "public");
        }
    }
}
