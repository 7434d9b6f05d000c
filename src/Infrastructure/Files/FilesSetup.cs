using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Files;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// In the namespace of DependencyInjection, as an extension it calls: AddInfrastructure needs no using for it.
namespace BrandAutomator.Infrastructure;

public static class FilesSetup
{
    /// <summary>Section <c>Storage</c> and the <see cref="IFileStorage"/> it chooses: local disk (default) or Cloud Storage.</summary>
    public static IServiceCollection AddFileStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, ProductionStorageValidation>();

        // Only the chosen adapter is ever built: the other may lack its settings.
        services.AddSingleton<LocalSignedUrls>();
        services.AddSingleton<LocalDiskStorage>();
        services.AddSingleton<GcsStorage>();
        services.AddSingleton<IFileStorage>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Gcs
            ? sp.GetRequiredService<GcsStorage>()
            : sp.GetRequiredService<LocalDiskStorage>());
        return services;
    }

    /// <summary>At start-up rather than at the first link: production signs local links with a configured key only.</summary>
    private sealed class ProductionStorageValidation(IHostEnvironment environment) : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            environment.IsProduction() && options.Provider == StorageProvider.Local && string.IsNullOrEmpty(options.SigningKey)
                ? ValidateOptionsResult.Fail(
                    "Storage:SigningKey is required in Production with the Local provider: links to files are signed with it " +
                    "(a random value of at least 32 characters), never with a development key made on first run.")
                : ValidateOptionsResult.Success;
    }
}
