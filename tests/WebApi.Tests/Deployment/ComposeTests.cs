using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Hosting;
using Microsoft.Extensions.Configuration;

namespace BrandAutomator.WebApi.Tests.Deployment;

/// <summary>docker-compose.yml: parses, every service has a health check, secrets are required variables, and the API's environment passes the production guard.</summary>
public sealed class ComposeTests
{
    private static readonly string[] SecretWords = ["PASSWORD", "SECRET", "PEM", "TOKEN", "KEY", "CREDENTIALS"];

    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Every_service_has_a_health_check()
    {
        Assert.NotEmpty(_compose.Services);
        Assert.All(_compose.Services, service =>
        {
            var healthcheck = service.Value!["healthcheck"];
            Assert.True(healthcheck is JsonObject, $"Service '{service.Key}' has no healthcheck.");
            Assert.True(healthcheck["disable"]?.GetValue<bool>() != true, $"Service '{service.Key}' disables its healthcheck.");
            Assert.True(healthcheck["test"] is JsonArray { Count: > 1 }, $"Service '{service.Key}' has a healthcheck without a test command.");
        });
    }

    [Fact]
    public void The_stack_is_postgres_15_with_a_volume_the_api_built_from_the_dockerfile_and_kong_3_dbless_in_front()
    {
        var postgres = _compose.Service("postgres");
        Assert.Equal("postgres:15", postgres["image"]!.GetValue<string>());
        var dataVolume = postgres["volumes"]!.AsArray().Select(v => v!.GetValue<string>().Split(':')[0]).Single();
        Assert.True(_compose.Root["volumes"]!.AsObject().ContainsKey(dataVolume), $"{dataVolume} is not a named volume.");
        Assert.Contains("pg_isready", Command(postgres));

        var api = _compose.Service("api");
        Assert.Equal("Dockerfile", api["build"]!["dockerfile"]!.GetValue<string>());
        Assert.Equal("Production", _compose.RawEnvironment("api")["ASPNETCORE_ENVIRONMENT"]);
        Assert.Contains("/health/ready", Command(api));
        Assert.Equal("service_healthy", api["depends_on"]!["postgres"]!["condition"]!.GetValue<string>());
        Assert.Null(api["ports"]);

        var kong = _compose.Service("kong");
        Assert.StartsWith("kong:3.", kong["image"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("off", _compose.RawEnvironment("kong")["KONG_DATABASE"]);
        Assert.Equal(["kong", "health"], kong["healthcheck"]!["test"]!.AsArray().Skip(1).Select(t => t!.GetValue<string>()));
        Assert.Equal(["8000:8000", "8443:8443"], kong["ports"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("service_healthy", kong["depends_on"]!["api"]!["condition"]!.GetValue<string>());
        Assert.Contains(kong["volumes"]!.AsArray(), v => v!.GetValue<string>().StartsWith("./kong.yml:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_citus_profile_has_a_citus_12_coordinator_and_two_workers_and_nothing_else()
    {
        var citus = _compose.Services.Where(s => s.Value!["profiles"]?.AsArray().Any(p => p!.GetValue<string>() == "citus") == true).ToList();

        Assert.Equal(["citus-coordinator", "citus-worker-1", "citus-worker-2"], citus.Select(s => s.Key).Order());
        Assert.All(citus, s => Assert.StartsWith("citusdata/citus:12.", s.Value!["image"]!.GetValue<string>(), StringComparison.Ordinal));
        // Outside the profile, `docker compose up` starts the single-server stack only.
        Assert.Equal(["api", "kong", "postgres"], _compose.Services.Where(s => s.Value!["profiles"] is null).Select(s => s.Key).Order());
    }

    [Fact]
    public void No_secret_is_committed_and_compose_refuses_to_start_without_the_required_ones()
    {
        var failures = new List<string>();
        foreach (var (service, _) in _compose.Services)
        {
            foreach (var (name, value) in _compose.RawEnvironment(service))
            {
                var secretName = SecretWords.Any(w => name.Replace("_", "", StringComparison.Ordinal).Contains(w.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                // A secret is a variable reference: required (${V:?...}) or, when optional, empty by default (${V:-}).
                if (secretName && !System.Text.RegularExpressions.Regex.IsMatch(value, @"^\$\{[A-Z0-9_]+(:\?[^}]+|:-)\}$"))
                {
                    failures.Add($"{service}: {name} is not a variable reference: '{value}'.");
                }

                // Passwords inside connection strings too.
                if (System.Text.RegularExpressions.Regex.Match(value, @"Password=(?<password>[^;]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } password
                    && !password.Groups["password"].Value.StartsWith("${", StringComparison.Ordinal))
                {
                    failures.Add($"{service}: {name} holds a literal password.");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        var required = ComposeFile.RequiredVariables(RepositoryFiles.Read("docker-compose.yml"));
        foreach (var secret in new[] { "POSTGRES_PASSWORD", "JWT_SIGNING_KEY_PEM", "JWT_PUBLIC_KEY_PEM", "STORAGE_SIGNING_KEY", "DATA_PROTECTION_CERTIFICATE_PEM" })
        {
            Assert.Contains(secret, required);
        }

        var refused = Assert.Throws<ComposeRefusesException>(() => _compose.Environment("api", new Dictionary<string, string>()));
        Assert.Contains(refused.Variable, required);
    }

    [Fact]
    public void The_api_environment_that_compose_builds_passes_the_production_guard()
    {
        using var rsa = RSA.Create(2048);
        var variables = new Dictionary<string, string>
        {
            ["POSTGRES_PASSWORD"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["JWT_SIGNING_KEY_PEM"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["JWT_PUBLIC_KEY_PEM"] = rsa.ExportSubjectPublicKeyInfoPem(),
            ["SMTP_HOST"] = "smtp.example.test",
            ["EMAIL_FROM"] = "no-reply@example.test",
            ["PUBLIC_BASE_URL"] = "https://app.example.test",
            ["STORAGE_SIGNING_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["DATA_PROTECTION_CERTIFICATE_PEM"] = TestCertificates.KeyRingPem(),
        };

        var environment = _compose.Environment("api", variables);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .Build();

        Assert.Empty(ProductionSettingsGuard.Check(configuration));
        Assert.Contains("Host=postgres;", environment["ConnectionStrings__Default"], StringComparison.Ordinal);
    }

    private static string Command(JsonObject service) =>
        string.Join(' ', service["healthcheck"]!["test"]!.AsArray().Select(t => t!.GetValue<string>()));
}
