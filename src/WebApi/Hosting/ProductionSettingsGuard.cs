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
public static class ProductionSettingsGuard
{
    /// <summary>EX_CONFIG from sysexits.h: a configuration error, which a supervisor should not simply restart.</summary>
    public const int ExitCode = 78;

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
        if (configuration.GetValue<bool>(Endpoints.BenchmarkEndpoints.Setting))
        {
            problems.Add($"{Endpoints.BenchmarkEndpoints.Setting} is on: it maps an unauthenticated read of any tenant's calendar for bench/api; " +
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

    private static void CheckEmail(IConfiguration configuration, List<string> problems)
    {
        var delivery = configuration["Email:Delivery"];
        if (!Enum.TryParse<EmailDelivery>(delivery, ignoreCase: true, out var parsed) || parsed != EmailDelivery.Smtp)
        {
            problems.Add($"Email:Delivery is {(string.IsNullOrWhiteSpace(delivery) ? "not set (Outbox)" : $"'{delivery}'")}: " +
                         "it must be Smtp, because the Outbox only writes messages to a folder (development).");
        }

        if (string.IsNullOrWhiteSpace(configuration["Email:SmtpHost"]))
        {
            problems.Add("Email:SmtpHost is not set: invitations and notices are sent through an SMTP server.");
        }

        var baseUrl = configuration["Email:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            problems.Add("Email:PublicBaseUrl is not set: links in messages need the product's public https address.");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url))
        {
            problems.Add($"Email:PublicBaseUrl '{baseUrl}' is not an absolute address.");
        }
        else
        {
            if (url.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"Email:PublicBaseUrl '{baseUrl}' is not an https address.");
            }

            if (IsLocal(url))
            {
                problems.Add($"Email:PublicBaseUrl '{baseUrl}' points at this machine (localhost); use the product's public address.");
            }
        }
    }

    private static void CheckStorage(IConfiguration configuration, List<string> problems)
    {
        var providerSetting = configuration["Storage:Provider"];
        var provider = StorageProvider.Local;
        if (!string.IsNullOrWhiteSpace(providerSetting) && !Enum.TryParse(providerSetting, ignoreCase: true, out provider))
        {
            problems.Add($"Storage:Provider '{providerSetting}' is neither Local nor Gcs.");
            return;
        }

        if (provider == StorageProvider.Gcs)
        {
            // The shape of the service-account key is checked by the storage options themselves, at start-up.
            if (string.IsNullOrWhiteSpace(configuration["Storage:GcsBucket"]))
            {
                problems.Add("Storage:GcsBucket is not set: Storage:Provider is Gcs.");
            }

            if (string.IsNullOrWhiteSpace(configuration["Storage:GcsCredentialsJson"]))
            {
                problems.Add("Storage:GcsCredentialsJson is not set: Storage:Provider is Gcs, and signed URLs need a service-account key.");
            }

            return;
        }

        var signingKey = configuration["Storage:SigningKey"];
        if (string.IsNullOrWhiteSpace(signingKey))
        {
            problems.Add($"Storage:SigningKey is not set: links to local files are signed with it (a random value of at least {LocalSignedUrls.MinimumKeyLength} " +
                         "characters), never with a development key made on first run.");
        }
        else if (signingKey.Length < LocalSignedUrls.MinimumKeyLength)
        {
            problems.Add($"Storage:SigningKey has {signingKey.Length} characters; at least {LocalSignedUrls.MinimumKeyLength} are required.");
        }
        else if (IsDevelopmentSecret(configuration, "Storage:DevelopmentKeyFile", "keys/files-signing-key", signingKey))
        {
            problems.Add("Storage:SigningKey is the development key that a local run made under the data folder; generate a production key.");
        }

        if (configuration["Storage:PublicBaseUrl"] is { Length: > 0 } linkBase &&
            (!Uri.TryCreate(linkBase, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || IsLocal(url)))
        {
            problems.Add($"Storage:PublicBaseUrl '{linkBase}' is not a public https address.");
        }

        if (configuration["Links:BaseUrl"] is { Length: > 0 } shortBase && (!Uri.TryCreate(shortBase, UriKind.Absolute, out var shortUrl) || shortUrl.Scheme != Uri.UriSchemeHttps || IsLocal(shortUrl)))
        {
            problems.Add($"Links:BaseUrl '{shortBase}' is not a public https address: short links are printed in public posts.");
        }
    }

    private static void CheckBilling(IConfiguration configuration, List<string> problems)
    {
        // Billing is optional (no key: self-hosted); a key that is there must be a live one, with its webhook secret.
        var secretKey = configuration["Billing:StripeSecretKey"];
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            return;
        }

        if (secretKey.StartsWith("sk_test_", StringComparison.Ordinal) || secretKey.StartsWith("rk_test_", StringComparison.Ordinal))
        {
            problems.Add("Billing:StripeSecretKey is a Stripe test-mode key: production charges with a live key (sk_live_ or rk_live_).");
        }

        if (string.IsNullOrWhiteSpace(configuration["Billing:StripeWebhookSecret"]))
        {
            problems.Add("Billing:StripeWebhookSecret is not set: without it no Stripe webhook can be verified.");
        }
    }

    private static bool IsLocal(Uri url) =>
        url.IsLoopback
        || url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any)));
}
