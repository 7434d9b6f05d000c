using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Migrations
{
    /// <summary>
    /// The register of tenant schemas made ahead of time (SpareTenantSchemas): written and read with SQL only, so it is not
    /// part of the catalog's model. Down drops the spare schemas it names with it.
    /// </summary>
    public partial class SpareTenantSchemas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "spare_tenant_schemas",
                schema: "public",
                columns: table => new
                {
                    schema_name = table.Column<string>(type: "text", nullable: false),
                    script_hash = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spare_tenant_schemas", x => x.schema_name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_spare_tenant_schemas_script_hash_created_at",
                schema: "public",
                table: "spare_tenant_schemas",
                columns: new[] { "script_hash", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                DECLARE spare text;
                BEGIN
                    FOR spare IN SELECT schema_name FROM public.spare_tenant_schemas LOOP
                        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', spare);
                    END LOOP;
                END $$;
                """);
            migrationBuilder.DropTable(
                name: "spare_tenant_schemas",
                schema: "public");
        }
    }
}
