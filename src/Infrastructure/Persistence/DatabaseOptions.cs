using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Persistence;

/// <summary>Section <c>Database</c>: how the schema is kept up to date.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply catalog and tenant migrations when the API starts (development and the embedded run).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How many tenant schemas are migrated at once.</summary>
    [Range(1, 64)]
    public int TenantMigrationParallelism { get; set; } = 4;

    /// <summary>
    /// How many tenant schemas are kept made ahead of time, so that a sign-up renames one instead of creating its tables
    /// while the user waits (<c>SpareTenantSchemas</c>). 0 turns it off.
    /// </summary>
    [Range(0, 100)]
    public int SpareTenantSchemas { get; set; } = 2;
}

/// <summary>Section <c>Embedded</c>: the local PostgreSQL cluster used when no connection string is set.</summary>
public sealed class EmbeddedPostgresOptions
{
    public const string Section = "Embedded";

    /// <summary>Folder for the cluster and its password (relative to the working directory).</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Folder of initdb and pg_ctl; found on the machine when empty.</summary>
    public string? PostgresBinDirectory { get; set; }
}
