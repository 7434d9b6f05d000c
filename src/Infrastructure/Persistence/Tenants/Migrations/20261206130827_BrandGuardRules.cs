using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <inheritdoc />
    public partial class BrandGuardRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "brand_guard_blocking",
                table: "tenant_settings",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "High");

            migrationBuilder.AddColumn<string>(
                name: "brand_rules_source",
                table: "tenant_settings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "brand_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    term = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    suggestion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    limit = table.Column<int>(type: "integer", nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    edited_by_team = table.Column<bool>(type: "boolean", nullable: false),
                    key = table.Column<string>(type: "character varying(1060)", maxLength: 1060, nullable: false),
                    source_asset_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_asset_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    source_chunk_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_page = table.Column<int>(type: "integer", nullable: true),
                    source_snippet = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_brand_rules_assets_source_asset_id",
                        column: x => x.source_asset_id,
                        principalTable: "brand_assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_brand_rules_key",
                table: "brand_rules",
                column: "key");

            migrationBuilder.CreateIndex(
                name: "ix_brand_rules_source_asset_id",
                table: "brand_rules",
                column: "source_asset_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brand_rules");

            migrationBuilder.DropColumn(
                name: "brand_guard_blocking",
                table: "tenant_settings");

            migrationBuilder.DropColumn(
                name: "brand_rules_source",
                table: "tenant_settings");
        }
    }
}
