using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <inheritdoc />
    public partial class MarketAnalysesAndSelfApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "admins_may_approve_own_posts",
                table: "tenant_settings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "market_analyses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    focus = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    findings = table.Column<string>(type: "jsonb", nullable: false),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    model = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_analyses", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_analyses_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_market_analyses_company_id_created_at",
                table: "market_analyses",
                columns: new[] { "company_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "market_analyses");

            migrationBuilder.DropColumn(
                name: "admins_may_approve_own_posts",
                table: "tenant_settings");
        }
    }
}
