using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <inheritdoc />
    public partial class CommentsPublishParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "part",
                table: "publish_attempts",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "part_kind",
                table: "publish_attempts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Post");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "part",
                table: "publish_attempts");

            migrationBuilder.DropColumn(
                name: "part_kind",
                table: "publish_attempts");
        }
    }
}
