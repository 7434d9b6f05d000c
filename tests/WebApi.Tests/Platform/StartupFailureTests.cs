using System.Net.Sockets;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;
using BrandAutomator.WebApi.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.WebApi.Tests.Platform;

/// <summary>The sentence and exit code of each start-up failure a user can cause, as Kestrel, Npgsql and the options throw them.</summary>
public sealed class StartupFailureTests
{
    private static readonly IConfiguration Embedded = Configuration();

    private static readonly IConfiguration Remote =
        Configuration(("ConnectionStrings:Default", "Host=db.example.com;Port=5433;Database=app;Username=app;Password=s3cret-pw"));

    [Fact]
    public void A_port_in_use_names_the_address_and_how_to_choose_another()
    {
        // As Kestrel throws it (wrapped by the host).
        var thrown = new IOException("Failed to bind to address http://127.0.0.1:5080: address already in use.",
            new AddressInUseException("Address already in use", new SocketException((int)SocketError.AddressAlreadyInUse)));

        var failure = StartupFailure.Describe(new AggregateException(thrown), Embedded);

        Assert.Equal(StartupFailure.Unavailable, failure.ExitCode);
        Assert.Equal("Cannot listen on http://127.0.0.1:5080: another program is already using that port. Stop that program " +
                     "(ss -ltnp shows which one) or choose another address: URLS=http://127.0.0.1:5081 ./run.sh " +
                     "(--urls when starting the API itself).", failure.Message);
    }

    [Fact]
    public void Missing_postgres_binaries_say_how_to_install_them()
    {
        var failure = StartupFailure.Describe(new PostgresNotInstalledException(), Embedded);

        Assert.Equal(StartupFailure.PostgresMissing, failure.ExitCode);
        Assert.StartsWith("PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_bin_folder_without_binaries_is_not_silently_replaced()
    {
        var thrown = Assert.Throws<PostgresNotInstalledException>(() => LocalPostgresCluster.FindBinDirectory("/nonexistent"));

        var failure = StartupFailure.Describe(thrown, Embedded);

        Assert.Equal(StartupFailure.PostgresMissing, failure.ExitCode);
        Assert.StartsWith("Embedded:PostgresBinDirectory is /nonexistent, which holds no PostgreSQL server binaries", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LocalPostgresProblem.Broken, StartupFailure.PostgresMissing)]
    [InlineData(LocalPostgresProblem.IncompatibleData, StartupFailure.DataFolderUnusable)]
    [InlineData(LocalPostgresProblem.UnusableFolder, StartupFailure.DataFolderUnusable)]
    [InlineData(LocalPostgresProblem.ToolFailed, StartupFailure.Unexpected)]
    public void Embedded_cluster_problems_keep_their_own_sentence(LocalPostgresProblem problem, int exitCode)
    {
        var failure = StartupFailure.Describe(new LocalPostgresException(problem, "What happened. What to do."), Embedded);

        Assert.Equal(new StartupFailure("What happened. What to do.", exitCode), failure);
    }

    [Fact]
    public void An_invalid_setting_quotes_the_validation_and_is_a_configuration_error()
    {
        var thrown = new OptionsValidationException("", typeof(object),
            ["DataAnnotation validation failed for 'RateLimitOptions' members: 'PerUserPerMinute' with the error: 'The field PerUserPerMinute must be between 1 and 1000000.'."]);

        var failure = StartupFailure.Describe(thrown, Embedded);

        Assert.Equal(ProductionSettingsGuard.ExitCode, failure.ExitCode);
        Assert.StartsWith("A setting is not valid: DataAnnotation validation failed for 'RateLimitOptions' members: 'PerUserPerMinute'",
            failure.Message, StringComparison.Ordinal);
        Assert.Contains("Correct it", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_of_the_wrong_kind_is_a_configuration_error()
    {
        var thrown = new InvalidOperationException("Failed to convert configuration value 'lots' at 'RateLimits:PerUserPerMinute' to type 'System.Int32'.");

        var failure = StartupFailure.Describe(thrown, Embedded);

        Assert.Equal(StartupFailure.InvalidSetting, failure.ExitCode);
        Assert.Contains("'lots' at 'RateLimits:PerUserPerMinute'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_connection_names_the_server_and_never_the_password()
    {
        var thrown = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Failed to connect to db.example.com:5433", new SocketException((int)SocketError.ConnectionRefused)));

        var failure = StartupFailure.Describe(thrown, Remote);

        Assert.Equal(StartupFailure.Unavailable, failure.ExitCode);
        Assert.Equal("Could not reach PostgreSQL at db.example.com:5433 (connection refused: no server listens there). Start that " +
                     "server or correct ConnectionStrings:Default, or leave it unset to use the embedded cluster.", failure.Message);
        Assert.DoesNotContain("s3cret-pw", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_host_says_so()
    {
        var thrown = new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.HostNotFound));

        Assert.Contains("(no such host)", StartupFailure.Describe(thrown, Remote).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_password_is_a_configuration_error()
    {
        var thrown = new PostgresException("password authentication failed for user \"app\"", "FATAL", "FATAL", PostgresErrorCodes.InvalidPassword);

        var failure = StartupFailure.Describe(thrown, Remote);

        Assert.Equal(StartupFailure.InvalidSetting, failure.ExitCode);
        Assert.Equal("PostgreSQL at db.example.com:5433 refused the user name or password of ConnectionStrings:Default (password " +
                     "authentication failed for user \"app\"). Correct them, or leave ConnectionStrings:Default unset to use the " +
                     "embedded cluster.", failure.Message);
    }

    [Fact]
    public void A_missing_database_says_to_create_it()
    {
        var thrown = new PostgresException("database \"app\" does not exist", "FATAL", "FATAL", PostgresErrorCodes.InvalidCatalogName);

        var failure = StartupFailure.Describe(thrown, Remote);

        Assert.Equal(StartupFailure.InvalidSetting, failure.ExitCode);
        Assert.StartsWith("PostgreSQL at db.example.com:5433 has no such database", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_shows_the_expected_form_without_repeating_it()
    {
        var configuration = Configuration(("ConnectionStrings:Default", "postgres://app:s3cret-pw@db.example.com/app"));
        var thrown = new ArgumentException("Format of the initialization string does not conform to specification starting at index 0.");

        var failure = StartupFailure.Describe(thrown, configuration);

        Assert.Equal(StartupFailure.InvalidSetting, failure.ExitCode);
        Assert.StartsWith("ConnectionStrings:Default is not a valid PostgreSQL connection string: it takes Key=Value pairs", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Our_own_setting_checks_keep_their_sentence()
    {
        var failure = StartupFailure.Describe(new InvalidSettingException("Testing:ClockStart is \"tomorrow\", which is not an instant."), Embedded);

        Assert.Equal(new StartupFailure("Testing:ClockStart is \"tomorrow\", which is not an instant.", StartupFailure.InvalidSetting), failure);
    }

    [Fact]
    public void A_data_folder_that_may_not_be_written_says_so()
    {
        var thrown = new UnauthorizedAccessException("Access to the path '/srv/app/.data' is denied.", new IOException("Permission denied"));

        var failure = StartupFailure.Describe(thrown, Embedded);

        Assert.Equal(new StartupFailure("Permission denied: Access to the path '/srv/app/.data' is denied. Start as a user who may " +
                                        "write there, or choose another data folder (Embedded:DataDirectory).", StartupFailure.PermissionDenied), failure);
    }

    [Fact]
    public void Anything_else_is_one_line_pointing_at_the_verbose_setting()
    {
        var failure = StartupFailure.Describe(new InvalidOperationException("outer", new NotSupportedException("the cause")), Embedded);

        Assert.Equal(StartupFailure.Unexpected, failure.ExitCode);
        Assert.Equal("The API could not start: NotSupportedException: the cause Start with Startup__Verbose=true to see the full error.", failure.Message);
    }

    [Fact]
    public void Report_prints_only_the_sentence_unless_verbose()
    {
        var thrown = Thrown();

        using var quiet = new StringWriter();
        var exitCode = StartupFailure.Report(thrown, Embedded, quiet);

        Assert.Equal(StartupFailure.PostgresMissing, exitCode);
        Assert.Equal(StartupFailure.Describe(thrown, Embedded).Message + Environment.NewLine, quiet.ToString());

        using var verbose = new StringWriter();
        StartupFailure.Report(thrown, Configuration(("Startup:Verbose", "true")), verbose);

        Assert.Contains("   at ", verbose.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(StartupFailure.Describe(thrown, Embedded).Message + Environment.NewLine, verbose.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_relocated_cluster_folder_is_named_after_the_project_and_the_full_data_path()
    {
        var name = ClusterFolder.RelocatedName("/root/brand-automator/.data");

        Assert.Matches("^brand-automator-[0-9a-f]{8}$", name);
        Assert.Equal(name, ClusterFolder.RelocatedName("/root/brand-automator/.data/"));
        Assert.NotEqual(name, ClusterFolder.RelocatedName("/home/ann/brand-automator/.data"));
    }

    private static Exception Thrown()
    {
        try
        {
            throw new PostgresNotInstalledException();
        }
        catch (PostgresNotInstalledException e)
        {
            return e;
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
