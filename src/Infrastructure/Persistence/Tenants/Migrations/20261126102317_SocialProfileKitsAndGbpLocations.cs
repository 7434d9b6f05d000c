using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <inheritdoc />
    public partial class SocialProfileKitsAndGbpLocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "content_item_id",
                table: "automation_tasks",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "remaining_steps",
                table: "automation_tasks",
                type: "jsonb",
                nullable: false,
                // Existing rows are publishing runs: no manual steps.
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "subject_id",
                table: "automation_tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "google_business_locations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    location_json = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    location_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    verification = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    verification_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    validated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    location_created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_google_business_locations", x => x.id);
                    table.ForeignKey(
                        name: "fk_google_business_locations_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "social_profile_kits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    avatar = table.Column<string>(type: "jsonb", nullable: false),
                    banner = table.Column<string>(type: "jsonb", nullable: true),
                    link = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    ai_provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    pushed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    push_result = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handles = table.Column<string>(type: "jsonb", nullable: false),
                    texts = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_social_profile_kits", x => x.id);
                    table.ForeignKey(
                        name: "fk_social_profile_kits_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_automation_tasks_subject_id",
                table: "automation_tasks",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_google_business_locations_company_id_account",
                table: "google_business_locations",
                columns: new[] { "company_id", "account" });

            migrationBuilder.CreateIndex(
                name: "ix_google_business_locations_request_id",
                table: "google_business_locations",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_social_profile_kits_company_id_platform",
                table: "social_profile_kits",
                columns: new[] { "company_id", "platform" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "google_business_locations");

            migrationBuilder.DropTable(
                name: "social_profile_kits");

            migrationBuilder.DropIndex(
                name: "ix_automation_tasks_subject_id",
                table: "automation_tasks");

            migrationBuilder.DropColumn(
                name: "remaining_steps",
                table: "automation_tasks");

            migrationBuilder.DropColumn(
                name: "subject_id",
                table: "automation_tasks");

            migrationBuilder.AlterColumn<Guid>(
                name: "content_item_id",
                table: "automation_tasks",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
