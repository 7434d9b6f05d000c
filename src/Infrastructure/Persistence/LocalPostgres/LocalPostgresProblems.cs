namespace BrandAutomator.Infrastructure.Persistence.LocalPostgres;

/// <summary>What kind of problem stopped a local cluster; the caller decides what it means for its exit code.</summary>
public enum LocalPostgresProblem
{
    /// <summary>No server binaries, or no <c>postgres</c> user to run them as root.</summary>
    NotInstalled,

    /// <summary>The binaries are there but do not run.</summary>
    Broken,

    /// <summary>The data folder holds a cluster of another major version.</summary>
    IncompatibleData,

    /// <summary>The data folder cannot hold or serve the cluster (not empty, password missing, unreachable).</summary>
    UnusableFolder,

    /// <summary>initdb, pg_ctl or another tool failed.</summary>
    ToolFailed,
}

/// <summary>A local cluster could not be made or started; the message is a sentence for the person who started it.</summary>
public class LocalPostgresException(LocalPostgresProblem problem, string message, string? toolOutput = null) : Exception(message)
{
    public LocalPostgresProblem Problem { get; } = problem;

    /// <summary>The last lines the failing tool printed, when a tool failed.</summary>
    public string ToolOutput { get; } = toolOutput ?? "";
}

/// <summary>No PostgreSQL server binaries were found on this machine.</summary>
public sealed class PostgresNotInstalledException(string message) : LocalPostgresException(LocalPostgresProblem.NotInstalled, message)
{
    public PostgresNotInstalledException()
        : this("PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: sudo apt-get install postgresql), " +
               "point Embedded:PostgresBinDirectory at them, or set ConnectionStrings:Default to an existing server.")
    {
    }
}
