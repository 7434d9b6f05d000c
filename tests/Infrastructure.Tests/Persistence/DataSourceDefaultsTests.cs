using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Scheduling;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>The data sources' defaults (the application's, the scheduler store's) apply only where the connection string is silent.</summary>
public sealed class DataSourceDefaultsTests
{
    private const string Server = "Host=localhost;Database=brandautomator;Username=app;Password=secret";

    [Fact]
    public async Task An_unset_connection_string_gets_auto_prepare_and_a_64_KiB_read_buffer()
    {
        var settings = await SettingsOfAsync(Server);

        Assert.Equal(NpgsqlSetup.AutoPreparedStatements, settings.MaxAutoPrepare);
        Assert.Equal(64 * 1024, settings.ReadBufferSize);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;Read Buffer Size=8192")]
    [InlineData("MaxAutoPrepare=0;ReadBufferSize=8192")]
    public async Task What_the_connection_string_sets_wins_in_any_spelling(string overrides)
    {
        var settings = await SettingsOfAsync($"{Server};{overrides}");

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(8192, settings.ReadBufferSize);
    }

    [Fact]
    public void The_scheduler_store_gets_its_own_small_pool_unless_the_string_sets_one()
    {
        var options = new SchedulerOptions();

        Assert.Equal(options.StoreMaxPoolSize, new NpgsqlConnectionStringBuilder(SchedulingSetup.StoreConnectionString(Server, options)).MaxPoolSize);
        Assert.Equal(3, new NpgsqlConnectionStringBuilder(
            SchedulingSetup.StoreConnectionString($"{Server};Maximum Pool Size=3", options)).MaxPoolSize);
    }

    private static async Task<NpgsqlConnectionStringBuilder> SettingsOfAsync(string connectionString)
    {
        await using var dataSource = NpgsqlSetup.BuildDataSource(connectionString);
        return new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
    }
}
