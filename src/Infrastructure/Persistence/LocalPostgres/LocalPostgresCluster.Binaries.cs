namespace BrandAutomator.Infrastructure.Persistence.LocalPostgres;

/// <summary>Finding the server binaries and refusing a cluster another major version made.</summary>
public sealed partial class LocalPostgresCluster
{
    /// <summary>
    /// The server binaries: the configured folder (which must hold them: a setting is never silently ignored), else
    /// /usr/lib/postgresql/N/bin of the version that made the existing cluster, else the newest one, else PATH.
    /// </summary>
    public static string FindBinDirectory(string? configured, int? clusterVersion = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasTools(configured)
                ? configured
                : throw new PostgresNotInstalledException(
                    $"Embedded:PostgresBinDirectory is {configured}, which holds no PostgreSQL server binaries (initdb, pg_ctl). " +
                    "Point it at the folder that has them (Debian/Ubuntu: /usr/lib/postgresql/<version>/bin), leave it unset to " +
                    "use the ones installed on this machine, or set ConnectionStrings:Default to an existing server.");
        }

        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version == clusterVersion)
                .ThenByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        foreach (var candidate in candidates)
        {
            if (HasTools(candidate))
            {
                return candidate;
            }
        }

        throw new PostgresNotInstalledException();

        static bool HasTools(string folder) => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));
    }

    /// <summary>The major version of the cluster in <paramref name="dataDirectory"/> (its PG_VERSION), or null when there is none.</summary>
    public static int? ClusterVersion(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "PG_VERSION");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var version) ? version : null;
    }

    /// <summary>Runs <c>pg_ctl --version</c>: binaries that are there but cannot run are found here, before anything starts.</summary>
    private static async Task<int> BinariesVersionAsync(string binDirectory, CancellationToken cancellationToken)
    {
        string output;
        try
        {
            output = await RunProcessAsync(Path.Combine(binDirectory, "pg_ctl"), ["--version"], allowFailure: false, cancellationToken);
        }
        catch (LocalPostgresException ex)
        {
            throw new LocalPostgresException(LocalPostgresProblem.Broken,
                $"The PostgreSQL binaries in {binDirectory} do not run ({ex.ToolOutput}). Reinstall them (Debian/Ubuntu: " +
                "sudo apt-get install --reinstall postgresql), point Embedded:PostgresBinDirectory at working ones, or set " +
                "ConnectionStrings:Default to an existing server.");
        }

        // "pg_ctl (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"
        var match = System.Text.RegularExpressions.Regex.Match(output, @"PostgreSQL\)\s+(\d+)");
        return match.Success
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new LocalPostgresException(LocalPostgresProblem.Broken,
                $"{Path.Combine(binDirectory, "pg_ctl")} --version answered \"{output.Trim()}\", which is not PostgreSQL's pg_ctl. " +
                "Point Embedded:PostgresBinDirectory at PostgreSQL's server binaries.");
    }

    /// <summary>A cluster is only ever started by the major version that made it: the files of another are unreadable to it.</summary>
    private static void RefuseIncompatibleCluster(string dataDirectory, int? clusterVersion, string binDirectory, int binariesVersion)
    {
        if (clusterVersion is not { } version || version == binariesVersion)
        {
            return;
        }

        throw new LocalPostgresException(LocalPostgresProblem.IncompatibleData, version > binariesVersion
            ? $"The data folder {dataDirectory} was made by PostgreSQL {version}, newer than the PostgreSQL {binariesVersion} " +
              $"binaries in {binDirectory}. Install PostgreSQL {version}'s server binaries (Debian/Ubuntu: postgresql-{version}) and " +
              "point Embedded:PostgresBinDirectory at them, or move the folder away to start with an empty database."
            : $"The data folder {dataDirectory} was made by PostgreSQL {version}, older than the PostgreSQL {binariesVersion} " +
              $"binaries in {binDirectory}. Install PostgreSQL {version}'s server binaries and point Embedded:PostgresBinDirectory " +
              $"at them, or upgrade the folder with pg_upgrade, or move it away to start with an empty database.");
    }
}
