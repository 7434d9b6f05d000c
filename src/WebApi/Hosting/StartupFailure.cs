using System.Net.Sockets;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>A setting our own start-up code found wrong; its message is the sentence the person starting the API reads.</summary>
public sealed class InvalidSettingException(string message) : Exception(message);

/// <summary>
/// What a failed start tells the person who started it: one sentence saying what happened and what to do, and an exit
/// code a supervisor can act on (sysexits.h). No stack trace unless <see cref="VerboseSetting"/> asks for it: the
/// failures a user can cause (a taken port, missing PostgreSQL, a wrong setting) are not bugs, and a trace hides the
/// one line that matters.
/// </summary>
public sealed record StartupFailure(string Message, int ExitCode)
{
    /// <summary><c>Startup:Verbose</c> (<c>Startup__Verbose=true</c>): print the whole exception before the sentence.</summary>
    public const string VerboseSetting = "Startup:Verbose";

    /// <summary>EX_DATAERR: the data folder cannot be used (another PostgreSQL version, not empty, password missing).</summary>
    public const int DataFolderUnusable = 65;

    /// <summary>EX_UNAVAILABLE: the address to listen on is taken, or the database server cannot be reached.</summary>
    public const int Unavailable = 69;

    /// <summary>EX_SOFTWARE: anything not foreseen below.</summary>
    public const int Unexpected = 70;

    /// <summary>EX_OSFILE: PostgreSQL's binaries (or the postgres user) are missing or do not run.</summary>
    public const int PostgresMissing = 72;

    /// <summary>EX_NOPERM: a folder or file the API needs (the data folder, its keys) may not be written or read.</summary>
    public const int PermissionDenied = 77;

    /// <summary>EX_CONFIG: a setting is wrong; the same code the production settings guard uses.</summary>
    public const int InvalidSetting = ProductionSettingsGuard.ExitCode;

    private const string VerboseHint = "Start with Startup__Verbose=true to see the full error.";

    /// <summary>Writes the failure to <paramref name="error"/> (the full exception first when verbose) and returns the exit code.</summary>
    public static int Report(Exception exception, IConfiguration configuration, TextWriter error)
    {
        var failure = Describe(exception, configuration);
        if (IsVerbose(configuration))
        {
            error.WriteLine(exception);
        }

        error.WriteLine(failure.Message);
        error.Flush();
        return failure.ExitCode;
    }

    public static bool IsVerbose(IConfiguration configuration) =>
        configuration[VerboseSetting] is { } value && (value == "1" || (bool.TryParse(value, out var on) && on));

    /// <summary>The sentence and exit code for <paramref name="exception"/>, looking through wrapped and aggregated causes.</summary>
    public static StartupFailure Describe(Exception exception, IConfiguration configuration)
    {
        var causes = Causes(exception).ToList();
        var database = DescribeServer(configuration);

        if (causes.OfType<InvalidSettingException>().FirstOrDefault() is { } setting)
        {
            return new(setting.Message, InvalidSetting);
        }

        if (causes.OfType<OptionsValidationException>().FirstOrDefault() is { } invalid)
        {
            return new($"A setting is not valid: {string.Join(" ", invalid.Failures)} Correct it (README's settings table says " +
                       "what each one takes) and start again. Nothing was started.", InvalidSetting);
        }

        if (causes.OfType<InvalidOperationException>().FirstOrDefault(e =>
                e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)) is { } unconvertible)
        {
            return new($"A setting has a value of the wrong kind: {unconvertible.Message} Correct it and start again.", InvalidSetting);
        }

        if (causes.OfType<LocalPostgresException>().FirstOrDefault() is { } local)
        {
            return new(local.Message, local.Problem switch
            {
                LocalPostgresProblem.NotInstalled or LocalPostgresProblem.Broken => PostgresMissing,
                LocalPostgresProblem.IncompatibleData or LocalPostgresProblem.UnusableFolder => DataFolderUnusable,
                _ => Unexpected,
            });
        }

        if (causes.OfType<AddressInUseException>().Any())
        {
            var address = ListenAddress(causes) ?? "the address to listen on";
            return new($"Cannot listen on {address}: another program is already using that port. Stop that program " +
                       "(ss -ltnp shows which one) or choose another address: URLS=http://127.0.0.1:5081 ./run.sh " +
                       "(--urls when starting the API itself).", Unavailable);
        }

        if (causes.OfType<SocketException>().FirstOrDefault(e => e.SocketErrorCode == SocketError.AccessDenied) is not null
            && ListenAddress(causes) is { } refusedAddress)
        {
            return new($"Not allowed to listen on {refusedAddress}: ports below 1024 need root. Choose a port above 1024 " +
                       "(URLS=http://127.0.0.1:5080 ./run.sh) or put a proxy in front.", Unavailable);
        }

        if (causes.OfType<ArgumentException>().Any() && !ConnectionStringParses(configuration))
        {
            return new("ConnectionStrings:Default is not a valid PostgreSQL connection string: it takes Key=Value pairs separated " +
                       "by semicolons, such as Host=db.example.com;Port=5432;Database=brandautomator;Username=app;Password=... " +
                       "Correct it, or leave it unset to use the embedded cluster.", InvalidSetting);
        }

        if (causes.OfType<PostgresException>().FirstOrDefault() is { } refused)
        {
            return refused.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => new(
                    $"PostgreSQL at {database} refused the user name or password of ConnectionStrings:Default ({refused.MessageText}). " +
                    "Correct them, or leave ConnectionStrings:Default unset to use the embedded cluster.", InvalidSetting),
                PostgresErrorCodes.InvalidCatalogName => new(
                    $"PostgreSQL at {database} has no such database ({refused.MessageText}). Create it (createdb) or name an " +
                    "existing one in ConnectionStrings:Default.", InvalidSetting),
                PostgresErrorCodes.InsufficientPrivilege => new(
                    $"PostgreSQL at {database} refused a start-up step ({refused.MessageText}): the user of ConnectionStrings:Default " +
                    "needs to own the database (it creates schemas and tables).", InvalidSetting),
                _ => new($"PostgreSQL at {database} refused a start-up step: {refused.MessageText} ({refused.SqlState}). {VerboseHint}",
                    Unexpected),
            };
        }

        if (causes.OfType<NpgsqlException>().Any())
        {
            var reason = causes.OfType<SocketException>().FirstOrDefault() is { } socket
                ? socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused: no server listens there",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "no such host",
                    SocketError.TimedOut => "no answer",
                    _ => socket.Message,
                }
                : causes.OfType<TimeoutException>().Any() ? "no answer in time" : causes.OfType<NpgsqlException>().First().Message;
            return new($"Could not reach PostgreSQL at {database} ({reason}). Start that server or correct ConnectionStrings:Default, " +
                       "or leave it unset to use the embedded cluster.", Unavailable);
        }

        if (causes.OfType<UnauthorizedAccessException>().FirstOrDefault() is { } denied)
        {
            return new($"Permission denied: {denied.Message} Start as a user who may write there, or choose another data " +
                       "folder (Embedded:DataDirectory).", PermissionDenied);
        }

        var innermost = causes[^1];
        return new($"The API could not start: {innermost.GetType().Name}: {innermost.Message} {VerboseHint}", Unexpected);
    }

    /// <summary>The exception and everything it wraps, outermost first.</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    /// <summary>Kestrel says "Failed to bind to address http://127.0.0.1:5080: address already in use."</summary>
    private static string? ListenAddress(IEnumerable<Exception> causes)
    {
        const string prefix = "Failed to bind to address ";
        var message = causes.OfType<IOException>().Select(e => e.Message).FirstOrDefault(m => m.StartsWith(prefix, StringComparison.Ordinal));
        if (message is null)
        {
            return null;
        }

        var rest = message[prefix.Length..];
        var end = rest.IndexOf(": ", StringComparison.Ordinal);
        return end > 0 ? rest[..end] : rest.TrimEnd('.');
    }

    /// <summary>host:port of the configured server, never its password.</summary>
    private static string DescribeServer(IConfiguration configuration)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default") ?? "");
            return $"{(string.IsNullOrWhiteSpace(parsed.Host) ? "localhost" : parsed.Host)}:{parsed.Port}";
        }
        catch (ArgumentException)
        {
            return "the configured address";
        }
    }

    private static bool ConnectionStringParses(IConfiguration configuration)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default") ?? "");
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
