using System.Net;
using System.Security.Cryptography;
using BrandAutomator.Infrastructure.Email;
using BrandAutomator.Infrastructure.Files;
using BrandAutomator.Infrastructure.Scheduling;
using Npgsql;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// In Production the API refuses to start with development keys, default secrets or missing required settings. Every
/// problem is listed at once on stderr and the process exits with <see cref="ExitCode"/> before anything else starts
/// (in particular before the embedded PostgreSQL cluster, which is the development default, could be started).
/// </summary>
public static partial class ProductionSettingsGuard
{
    /// <summary>EX_CONFIG from sysexits.h: a configuration error, which a supervisor should not simply restart.</summary>
    public const int ExitCode = 78;

    /// <summary>Turns on bench/api's raw baseline in its own host (bench/api/BaselineHost); never in Production.</summary>
    public const string BenchmarkBaselineSetting = "Benchmark:RawBaseline";

    private const int MinimumRsaKeyBits = 2048;

    // Passwords that come with images, tutorials and our own development set-up; a production database never has one.
    private static readonly HashSet<string> DefaultPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "password", "changeme", "change-me", "secret", "admin", "brandauto", "brand-automator", "example",
    };

    /// <summary>Outside Production: nothing. In Production: exits the process when <see cref="Check"/> finds a problem.</summary>
    public static void RefuseUnsafeProductionSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }

        var problems = Check(builder.Configuration);
        if (problems.Count == 0)
        {
            return;
        }

        var error = Console.Error;
        error.WriteLine($"Refusing to start in Production: {problems.Count} setting problem(s). Nothing was started.");
        foreach (var problem in problems)
        {
            error.WriteLine($"  - {problem}");
        }

        error.WriteLine("Set them as environment variables (a colon becomes a double underscore: Jwt__SigningKeyPem); see docs/deploy.md.");
        error.Flush();
        Environment.Exit(ExitCode);
    }

    /// <summary>Every reason why <paramref name="configuration"/> is not fit for production; empty when it is.</summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        var problems = new List<string>();
        CheckDatabase(configuration, problems);
        CheckSigningKey(configuration, problems);
        CheckEmail(configuration, problems);
        CheckStorage(configuration, problems);
        CheckBilling(configuration, problems);
        CheckKeyRing(configuration, problems);
        CheckBenchmark(configuration, problems);
        CheckPinnedClock(configuration, problems);
        return problems;
    }

    private static void CheckKeyRing(IConfiguration configuration, List<string> problems)
    {
        const string key = $"{KeyRingOptions.Section}:{nameof(KeyRingOptions.CertificatePem)}";
        if (configuration[key] is not { Length: > 0 } pem || string.IsNullOrWhiteSpace(pem))
        {
            problems.Add($"{key} is not set: the key ring that encrypts the social networks' tokens would sit in the database " +
                         "unencrypted; give a certificate and its private key (PEM) to encrypt it.");
            return;
        }

        if (KeyRingOptions.Problem(pem) is { } problem)
        {
            problems.Add($"{key} {problem}.");
        }
    }

    private static void CheckBenchmark(IConfiguration configuration, List<string> problems)
    {
        // The setting of bench/api's host (bench/api/BaselineHost), which runs this API: refused here, so that the
        // benchmark's unauthenticated read can never run with Production settings.
        if (configuration.GetValue<bool>(BenchmarkBaselineSetting))
        {
            problems.Add($"{BenchmarkBaselineSetting} is on: it maps an unauthenticated read of any tenant's calendar for bench/api; " +
                         "never in Production.");
        }
    }

    private static void CheckPinnedClock(IConfiguration configuration, List<string> problems)
    {
        if (!string.IsNullOrWhiteSpace(configuration[PinnedClock.Setting]))
        {
            problems.Add($"{PinnedClock.Setting} is set: it moves the API's clock for browser tests (tokens, schedules and " +
                         "publishing would run on a made-up date); never in Production.");
        }
    }

    private static void CheckDatabase(IConfiguration configuration, List<string> problems)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add("ConnectionStrings:Default is not set: the embedded PostgreSQL cluster is for development only; " +
                         "point it at the production database.");
            return;
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The message of the exception may quote the value, and with it the password: not repeated here.
            problems.Add("ConnectionStrings:Default is not a valid PostgreSQL connection string.");
            return;
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            problems.Add("ConnectionStrings:Default names no Host.");
        }

        if (parsed.Password is { Length: > 0 } password && DefaultPasswords.Contains(password))
        {
            problems.Add("ConnectionStrings:Default uses a default password; give the database user a generated one.");
        }
    }

    private static void CheckSigningKey(IConfiguration configuration, List<string> problems)
    {
        var pem = configuration["Jwt:SigningKeyPem"];
        if (string.IsNullOrWhiteSpace(pem))
        {
            problems.Add("Jwt:SigningKeyPem is not set: production signs access tokens with a configured RSA private key " +
                         $"(PEM, at least {MinimumRsaKeyBits} bits), never with a development key made on first run.");
            return;
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            // ImportFromPem also takes a public key; only a private key can sign.
            rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            problems.Add("Jwt:SigningKeyPem is not an unencrypted RSA private key in PEM form (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY; " +
                         "literal \\n sequences in place of line breaks are a common cause).");
            return;
        }

        if (rsa.KeySize < MinimumRsaKeyBits)
        {
            problems.Add($"Jwt:SigningKeyPem is a {rsa.KeySize}-bit RSA key; at least {MinimumRsaKeyBits} bits are required.");
        }

        if (IsDevelopmentKey(configuration, pem))
        {
            problems.Add("Jwt:SigningKeyPem is the development key that a local run made under the data folder; generate a production key.");
        }
    }

    private static bool IsDevelopmentKey(IConfiguration configuration, string pem) =>
        IsDevelopmentSecret(configuration, "Jwt:DevelopmentKeyFile", "keys/jwt-signing-key.pem", pem);

    /// <summary>True when <paramref name="secret"/> is the one a local run made and kept in the data folder.</summary>
    private static bool IsDevelopmentSecret(IConfiguration configuration, string fileSetting, string defaultFile, string secret)
    {
        var dataDirectory = configuration["Embedded:DataDirectory"] is { Length: > 0 } folder ? folder : ".data";
        var keyFile = configuration[fileSetting] is { Length: > 0 } file ? file : defaultFile;
        var path = Path.Combine(Path.GetFullPath(dataDirectory), keyFile);
        return File.Exists(path) && Normalise(File.ReadAllText(path)) == Normalise(secret);

        static string Normalise(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }
}
