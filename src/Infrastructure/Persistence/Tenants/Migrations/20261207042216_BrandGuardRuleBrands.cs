using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Migrations
{
    /// <inheritdoc />
    public partial class BrandGuardRuleBrands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "company_id",
                table: "brand_rules",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_brand_rules_company_id",
                table: "brand_rules",
                column: "company_id");

            migrationBuilder.AddForeignKey(
                name: "fk_brand_rules_companies_company_id",
                table: "brand_rules",
                column: "company_id",
                principalTable: "companies",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_brand_rules_companies_company_id",
                table: "brand_rules");

            migrationBuilder.DropIndex(
                name: "ix_brand_rules_company_id",
                table: "brand_rules");

            migrationBuilder.DropColumn(
                name: "company_id",
                table: "brand_rules");
        }
    }
}
