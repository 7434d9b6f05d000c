using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <inheritdoc />
    public partial class GroundingPassagesAndAssetStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "archive_suggestion",
                table: "brand_assets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "archived_at",
                table: "brand_assets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "index_version",
                table: "brand_assets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "brand_assets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Current");

            migrationBuilder.AddColumn<Guid>(
                name: "superseded_by",
                table: "brand_assets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<float[]>(
                name: "embedding",
                table: "asset_chunks",
                type: "real[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "heading",
                table: "asset_chunks",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "asset_chunks",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', coalesce(heading, '')), 'A') || setweight(to_tsvector('english', text), 'B')",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "to_tsvector('english', text)",
                oldStored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "archive_suggestion",
                table: "brand_assets");

            migrationBuilder.DropColumn(
                name: "archived_at",
                table: "brand_assets");

            migrationBuilder.DropColumn(
                name: "index_version",
                table: "brand_assets");

            migrationBuilder.DropColumn(
                name: "status",
                table: "brand_assets");

            migrationBuilder.DropColumn(
                name: "superseded_by",
                table: "brand_assets");

            migrationBuilder.DropColumn(
                name: "embedding",
                table: "asset_chunks");

            // The search vector is computed from the heading: it goes back to text alone before the heading goes.
            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "asset_chunks",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english', text)",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "setweight(to_tsvector('english', coalesce(heading, '')), 'A') || setweight(to_tsvector('english', text), 'B')",
                oldStored: true);

            migrationBuilder.DropColumn(
                name: "heading",
                table: "asset_chunks");
        }
    }
}
