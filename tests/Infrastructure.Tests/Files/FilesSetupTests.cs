using System.Security.Cryptography;
using System.Text.Json;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Files;
using BrandAutomator.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Files;

public sealed class FilesSetupTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"brandauto-setup-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public void Local_disk_under_the_data_folder_is_the_default()
    {
        using var services = Build(Environments.Development);

        var storage = Assert.IsType<LocalDiskStorage>(services.GetRequiredService<IFileStorage>());

        Assert.Equal(Path.Combine(_data, "files"), storage.Root);
    }

    [Fact]
    public void Gcs_is_used_when_configured()
    {
        using var rsa = RSA.Create(2048);
        using var services = Build(Environments.Production, new()
        {
            ["Storage:Provider"] = "Gcs",
            ["Storage:GcsBucket"] = "brand-assets",
            ["Storage:GcsCredentialsJson"] = ServiceAccountJson(rsa),
        });

        Assert.IsType<GcsStorage>(services.GetRequiredService<IFileStorage>());
    }

    [Fact]
    public void Gcs_without_bucket_or_credentials_is_refused_naming_both()
    {
        using var services = Build(Environments.Development, new() { ["Storage:Provider"] = "Gcs" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Storage:GcsBucket", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Storage:GcsCredentialsJson", StringComparison.Ordinal));
    }

    [Fact]
    public void Gcs_credentials_that_are_not_a_service_account_key_are_refused()
    {
        using var services = Build(Environments.Development, new()
        {
            ["Storage:Provider"] = "Gcs",
            ["Storage:GcsBucket"] = "brand-assets",
            ["Storage:GcsCredentialsJson"] = """{"type":"service_account","client_email":"a@b.c","private_key":"not a key"}""",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("not a service-account key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_with_local_storage_requires_a_signing_key()
    {
        using var services = Build(Environments.Production);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:SigningKey is required in Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_signing_key_is_refused()
    {
        using var services = Build(Environments.Development, new() { ["Storage:SigningKey"] = "too-short" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    private ServiceProvider Build(string environment, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Embedded:DataDirectory"] = _data })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .AddSingleton(TimeProvider.System);
        services.AddOptions<EmbeddedPostgresOptions>().BindConfiguration(EmbeddedPostgresOptions.Section);
        services.AddFileStorage();
        return services.BuildServiceProvider();
    }

    private static string ServiceAccountJson(RSA key) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type"] = "service_account",
        ["client_email"] = "files@brand-test.iam.gserviceaccount.com",
        ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
    });
}
