using System.Security.Cryptography;
using System.Text;

namespace BrandAutomator.Infrastructure.Persistence.LocalPostgres;

/// <summary>
/// Where the embedded cluster of a data folder keeps its files: <c>&lt;data folder&gt;/postgres</c>, unless the server
/// cannot reach it.
/// <para>
/// As root the server runs as the <c>postgres</c> user (initdb refuses root), and that user must be able to pass through
/// every folder above the cluster's. A project cloned into /root (0700), or into a folder made by <c>mktemp -d</c>, is
/// closed to it. Opening the user's home folder to others would weaken it for everything else kept there, so the
/// cluster's files go instead to a folder of the <c>postgres</c> user's own home (normally /var/lib/postgresql, where
/// Debian keeps its clusters): <c>brand-automator/&lt;project folder&gt;-&lt;8 hex of a hash of the data folder's
/// full path&gt;/postgres</c>, owned by <c>postgres</c>, 0700. The name depends only on the data folder's path, so the
/// next start finds the same cluster (even if the data folder has since become reachable); the password file and
/// everything else stay in the data folder. A cluster that already exists in the data folder is always used where it is.
/// </para>
/// </summary>
public sealed record ClusterFolder(string Path, bool Relocated)
{
    private const string PostgresUser = "postgres";

    /// <summary>Chooses the cluster's folder for <paramref name="dataDirectory"/> (the project's data folder, created if missing).</summary>
    public static async Task<ClusterFolder> ChooseAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        var root = System.IO.Path.GetFullPath(dataDirectory);
        var inPlace = System.IO.Path.Combine(root, "postgres");
        Directory.CreateDirectory(root);
        if (!LocalPostgresCluster.RunsAsPostgresUser || File.Exists(System.IO.Path.Combine(inPlace, "PG_VERSION")))
        {
            return new ClusterFolder(inPlace, Relocated: false);
        }

        var home = await PostgresHomeAsync(cancellationToken);
        var folder = home is null ? null : System.IO.Path.Combine(home, "brand-automator", RelocatedName(root));
        if (folder is not null && File.Exists(System.IO.Path.Combine(folder, "postgres", "PG_VERSION")))
        {
            // Made by an earlier start: kept even if the data folder has since become reachable, or its data would seem lost.
            return new ClusterFolder(System.IO.Path.Combine(folder, "postgres"), Relocated: true);
        }

        if (await PostgresCanReachAsync(root, cancellationToken))
        {
            return new ClusterFolder(inPlace, Relocated: false);
        }

        if (folder is null)
        {
            throw new PostgresNotInstalledException(
                $"Running as root, the embedded PostgreSQL runs as the {PostgresUser} user, which does not exist on this machine. " +
                "Install the PostgreSQL server package (Debian/Ubuntu: sudo apt-get install postgresql), which creates it, " +
                "or set ConnectionStrings:Default to an existing server.");
        }

        await LocalPostgresCluster.RunProcessAsync("runuser", ["-u", PostgresUser, "--", "mkdir", "-p", "-m", "0700", folder],
            allowFailure: true, cancellationToken);
        if (!await PostgresCanReachAsync(folder, cancellationToken))
        {
            throw new LocalPostgresException(LocalPostgresProblem.UnusableFolder,
                $"The {PostgresUser} user cannot reach {root} (a folder above it is closed to other users), nor create {folder} " +
                $"in its home folder. Move the project to a folder the {PostgresUser} user can pass through, set " +
                "Embedded:DataDirectory to one, or set ConnectionStrings:Default to an existing server.");
        }

        return new ClusterFolder(System.IO.Path.Combine(folder, "postgres"), Relocated: true);
    }

    /// <summary><c>&lt;project folder&gt;-&lt;8 hex&gt;</c>: readable, and distinct for every data folder's full path.</summary>
    public static string RelocatedName(string dataDirectory)
    {
        var root = System.IO.Path.GetFullPath(dataDirectory).TrimEnd('/');
        var project = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(root)) is { Length: > 0 } name ? name : "root";
        var safe = new string(project.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray());
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..8].ToLowerInvariant();
        return $"{safe}-{hash}";
    }

    /// <summary>Asks the system itself, as the postgres user: modes alone do not tell (ACLs, a parent folder, mounts).</summary>
    private static async Task<bool> PostgresCanReachAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            await LocalPostgresCluster.RunProcessAsync("runuser", ["-u", PostgresUser, "--", "test", "-x", folder, "-a", "-r", folder],
                allowFailure: false, cancellationToken);
            return true;
        }
        catch (LocalPostgresException)
        {
            return false;
        }
    }

    /// <summary>The postgres user's home folder from the user database (getent also sees LDAP and other sources).</summary>
    private static async Task<string?> PostgresHomeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var entry = await LocalPostgresCluster.RunProcessAsync("getent", ["passwd", PostgresUser], allowFailure: false, cancellationToken);
            var fields = entry.Trim().Split(':');
            return fields.Length >= 6 && fields[5].StartsWith('/') ? fields[5] : null;
        }
        catch (LocalPostgresException)
        {
            return null;
        }
    }
}
