using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Hosting;
using Microsoft.Extensions.Configuration;

namespace BrandAutomator.WebApi.Tests.Deployment;

/// <summary>
/// In Production the API refuses to start with development keys, default secrets or missing settings, naming every problem;
/// the built API is started as its own process, as an operator would start it.
/// </summary>
public sealed class ProductionSettingsGuardTests
{
    private static readonly string ApiAssembly = Path.Combine(AppContext.BaseDirectory, "BrandAutomator.WebApi.dll");

    [Fact]
    public async Task A_production_start_without_settings_exits_non_zero_naming_each_missing_setting()
    {
        var run = await RunApiAsync(new Dictionary<string, string>());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(ProductionSettingsGuard.ExitCode, run.ExitCode);
        Assert.Contains("Refusing to start in Production", run.Output, StringComparison.Ordinal);
        foreach (var setting in new[] { "ConnectionStrings:Default", "Jwt:SigningKeyPem", "Email:Delivery", "Email:SmtpHost", "Email:PublicBaseUrl", "Storage:SigningKey" })
        {
            Assert.Contains($"- {setting} ", run.Output, StringComparison.Ordinal);
        }

        // Nothing started: no embedded cluster, no data folder.
        Assert.DoesNotContain("starting the embedded PostgreSQL", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.False(run.DataFolderMade, "The API made its data folder before refusing to start.");
    }

    [Fact]
    public async Task A_production_start_with_development_values_exits_non_zero_naming_each_of_them()
    {
        using var weak = RSA.Create(1024);
        var run = await RunApiAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = "Host=db.internal;Database=brandauto;Username=brandauto;Password=postgres",
            ["Jwt__SigningKeyPem"] = weak.ExportPkcs8PrivateKeyPem(),
            ["Email__Delivery"] = "Outbox",
            ["Email__SmtpHost"] = "smtp.example.test",
            ["Email__PublicBaseUrl"] = "http://localhost:5080",
        });

        Assert.Equal(ProductionSettingsGuard.ExitCode, run.ExitCode);
        Assert.Contains("ConnectionStrings:Default uses a default password", run.Output, StringComparison.Ordinal);
        Assert.Contains("Jwt:SigningKeyPem is a 1024-bit RSA key", run.Output, StringComparison.Ordinal);
        Assert.Contains("Email:Delivery is 'Outbox'", run.Output, StringComparison.Ordinal);
        Assert.Contains("Email:PublicBaseUrl 'http://localhost:5080' is not an https address", run.Output, StringComparison.Ordinal);
        Assert.Contains("Email:PublicBaseUrl 'http://localhost:5080' points at this machine", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Email:SmtpHost", run.Output, StringComparison.Ordinal);
        // The password itself is never printed.
        Assert.DoesNotContain("Password=postgres", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_production_configuration_starts_and_answers_ready()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("prod");
        try
        {
            using var rsa = RSA.Create(2048);
            var settings = Valid(rsa);
            settings["ConnectionStrings:Default"] = connectionString;
            // As production runs it: the migrate step first, then the API, which does not migrate by itself.
            settings["Database:MigrateOnStartup"] = "false";

            var migrate = await RunApiAsync(ToEnvironment(settings), ["migrate"]);
            Assert.True(migrate.ExitCode == 0, $"The migrate step failed ({migrate.ExitCode}):{Environment.NewLine}{migrate.Output}");

            var port = FreePort();
            var run = await RunApiAsync(ToEnvironment(settings), ["--urls", $"http://127.0.0.1:{port}"],
                untilReady: new Uri($"http://127.0.0.1:{port}/health/ready"),
                whileReady: async client =>
                {
                    var register = await client.PostAsJsonAsync("/api/v1/auth/register",
                        new { email = ApiClient.UniqueEmail("prod"), password = ApiClient.GoodPassword, fullName = "Operator", companyName = "Prod Co" });
                    await register.EnsureStatusAsync(HttpStatusCode.Created);
                });

            Assert.True(run.Ready, $"The API did not answer /health/ready (exit {run.ExitCode}):{Environment.NewLine}{run.Output}");
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void A_complete_production_configuration_passes_the_guard()
    {
        using var rsa = RSA.Create(2048);
        var withBilling = Valid(rsa);
        withBilling["Billing:StripeSecretKey"] = "sk_live_51AbcDef";
        withBilling["Billing:StripeWebhookSecret"] = "whsec_0123456789abcdef";

        Assert.Empty(ProductionSettingsGuard.Check(Configuration(Valid(rsa))));
        Assert.Empty(ProductionSettingsGuard.Check(Configuration(withBilling)));
    }

    [Theory]
    [InlineData("ConnectionStrings:Default", "", "ConnectionStrings:Default is not set")]
    [InlineData("ConnectionStrings:Default", "Host=db;Password=changeme", "ConnectionStrings:Default uses a default password")]
    [InlineData("ConnectionStrings:Default", "Database=brandauto;Password=x7Kp2", "ConnectionStrings:Default names no Host")]
    [InlineData("ConnectionStrings:Default", "Host=db;Nonsense Key=1", "ConnectionStrings:Default is not a valid PostgreSQL connection string")]
    [InlineData("Jwt:SigningKeyPem", "", "Jwt:SigningKeyPem is not set")]
    [InlineData("Jwt:SigningKeyPem", "not a key", "Jwt:SigningKeyPem is not an unencrypted RSA private key")]
    [InlineData("Email:Delivery", "", "Email:Delivery is not set (Outbox)")]
    [InlineData("Email:Delivery", "Outbox", "Email:Delivery is 'Outbox'")]
    [InlineData("Email:SmtpHost", "", "Email:SmtpHost is not set")]
    [InlineData("Email:PublicBaseUrl", "", "Email:PublicBaseUrl is not set")]
    [InlineData("Email:PublicBaseUrl", "http://app.example.test", "Email:PublicBaseUrl 'http://app.example.test' is not an https address")]
    [InlineData("Email:PublicBaseUrl", "https://127.0.0.1:5080", "Email:PublicBaseUrl 'https://127.0.0.1:5080' points at this machine")]
    [InlineData("Email:PublicBaseUrl", "https://localhost", "Email:PublicBaseUrl 'https://localhost' points at this machine")]
    [InlineData("Storage:SigningKey", "", "Storage:SigningKey is not set")]
    [InlineData("Storage:SigningKey", "short-key", "Storage:SigningKey has 9 characters")]
    [InlineData("Storage:Provider", "S3", "Storage:Provider 'S3' is neither Local nor Gcs")]
    [InlineData("Storage:Provider", "Gcs", "Storage:GcsBucket is not set", "Storage:GcsCredentialsJson is not set")]
    [InlineData("Storage:PublicBaseUrl", "http://127.0.0.1:5080", "Storage:PublicBaseUrl 'http://127.0.0.1:5080' is not a public https address")]
    [InlineData("Links:BaseUrl", "http://brand.link", "Links:BaseUrl 'http://brand.link' is not a public https address")]
    [InlineData("Billing:StripeSecretKey", "sk_test_51Abc", "Billing:StripeSecretKey is a Stripe test-mode key", "Billing:StripeWebhookSecret is not set")]
    [InlineData("Billing:StripeSecretKey", "sk_live_51Abc", "Billing:StripeWebhookSecret is not set")]
    [InlineData("DataProtection:CertificatePem", "", "DataProtection:CertificatePem is not set")]
    [InlineData("DataProtection:CertificatePem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----",
        "DataProtection:CertificatePem does not hold a certificate and its unencrypted private key")]
    [InlineData("Benchmark:RawBaseline", "true", "Benchmark:RawBaseline is on")]
    public void Each_unsafe_value_is_named_as_a_problem(string key, string value, params string[] expected)
    {
        using var rsa = RSA.Create(2048);
        var settings = Valid(rsa);
        settings[key] = value;

        var problems = ProductionSettingsGuard.Check(Configuration(settings));

        Assert.Equal(expected.Length, problems.Count);
        Assert.All(expected.Zip(problems), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public void A_public_key_or_a_key_with_escaped_line_breaks_is_not_a_signing_key()
    {
        using var rsa = RSA.Create(2048);
        var publicOnly = Valid(rsa);
        publicOnly["Jwt:SigningKeyPem"] = rsa.ExportSubjectPublicKeyInfoPem();
        var escaped = Valid(rsa);
        escaped["Jwt:SigningKeyPem"] = rsa.ExportPkcs8PrivateKeyPem().Replace("\n", "\\n", StringComparison.Ordinal);

        Assert.Contains("not an unencrypted RSA private key", Assert.Single(ProductionSettingsGuard.Check(Configuration(publicOnly))), StringComparison.Ordinal);
        Assert.Contains("not an unencrypted RSA private key", Assert.Single(ProductionSettingsGuard.Check(Configuration(escaped))), StringComparison.Ordinal);
    }

    [Fact]
    public void The_development_key_made_by_a_local_run_is_refused()
    {
        using var rsa = RSA.Create(2048);
        var data = Path.Combine(Path.GetTempPath(), $"brandauto-guard-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(data, "keys"));
        try
        {
            File.WriteAllText(Path.Combine(data, "keys", "jwt-signing-key.pem"), rsa.ExportPkcs8PrivateKeyPem());
            var settings = Valid(rsa);
            settings["Embedded:DataDirectory"] = data;

            Assert.StartsWith("Jwt:SigningKeyPem is the development key", Assert.Single(ProductionSettingsGuard.Check(Configuration(settings))), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Dictionary<string, string?> Valid(RSA rsa) => new()
    {
        ["ConnectionStrings:Default"] = "Host=db.internal;Port=5432;Database=brandauto;Username=brandauto;Password=Zq8vT3nL5xR1",
        ["Jwt:SigningKeyPem"] = rsa.ExportPkcs8PrivateKeyPem(),
        ["Email:Delivery"] = "Smtp",
        ["Email:SmtpHost"] = "smtp.example.test",
        ["Email:PublicBaseUrl"] = "https://app.example.test",
        ["Storage:SigningKey"] = "q9ZtR4wLx2VbN7mKp3sHd8FjC6yGe1Ua",
        ["DataProtection:CertificatePem"] = KeyRingPem.Value,
    };

    private static readonly Lazy<string> KeyRingPem = new(() => TestCertificates.KeyRingPem());

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static Dictionary<string, string> ToEnvironment(Dictionary<string, string?> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record ApiRun(int? ExitCode, string Output, bool Ready, bool DataFolderMade);

    /// <summary>
    /// Starts the built API in Production with only <paramref name="settings"/> (the test run's own settings removed), in an
    /// empty folder. Without <paramref name="untilReady"/> it waits for the process to exit; with it, until that address
    /// answers 200 or the process exits, then runs <paramref name="whileReady"/> against it and stops the process.
    /// </summary>
    private static async Task<ApiRun> RunApiAsync(
        Dictionary<string, string> settings, string[]? arguments = null, Uri? untilReady = null, Func<HttpClient, Task>? whileReady = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"brandauto-prod-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ApiAssembly);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        var inherited = start.Environment.Keys.Where(k =>
            k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Jwt__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Email__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Embedded__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var key in inherited)
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var ready = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            if (untilReady is null)
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            else
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10), BaseAddress = new Uri(untilReady.GetLeftPart(UriPartial.Authority)) };
                while (!process.HasExited && !ready)
                {
                    await Task.Delay(500, timeout.Token);
                    try
                    {
                        ready = (await http.GetAsync(untilReady, timeout.Token)).StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        // Not listening yet.
                    }
                }

                if (ready && whileReady is not null)
                {
                    await whileReady(http);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below: the process is stopped and the run has no exit code of its own.
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }

        var exitedByItself = untilReady is null && !timeout.IsCancellationRequested;
        try
        {
            return new ApiRun(exitedByItself ? process.ExitCode : null, Output(), ready, Directory.Exists(Path.Combine(folder, ".data")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
