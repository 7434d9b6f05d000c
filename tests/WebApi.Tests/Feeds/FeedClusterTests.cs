using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Content;
using Npgsql;

namespace BrandAutomator.WebApi.Tests.Feeds;

public sealed class FeedCluster : ClusterFixture
{
    // Both nodes look for due feeds every second.
    protected override IReadOnlyDictionary<string, string> Scenario => new Dictionary<string, string>
    {
        ["Feeds:PollIntervalSeconds"] = "1",
    };
}

/// <summary>Two API nodes on one database read the same feed, through the job and "Check now" at the same moment.</summary>
public sealed class FeedClusterTests(FeedCluster cluster) : IClassFixture<FeedCluster>
{
    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task WaitForAsync(string sql, long expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (await CountAsync(sql) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not {expected}: {sql}\nNode A:\n{cluster.NodeA.Log}\nNode B:\n{cluster.NodeB.Log}");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task Each_new_item_becomes_exactly_one_post_across_two_nodes()
    {
        await using var site = new FakeFeedServer();
        site.Add("Old news one");
        site.Add("Old news two");
        var admin = await Cluster.SignUpAsync(cluster.NodeA);
        using var onB = cluster.NodeB.Client();
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
        var added = await admin.Client.PostAsJsonAsync("/api/v1/feeds", new
        {
            name = "Pickle news", url = site.Url + "/news.rss", target = "draft", platforms = new[] { "linkedIn" }, intervalMinutes = 15,
        });
        await added.EnsureStatusAsync(HttpStatusCode.Created);
        var feedId = (await added.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var schema = $"tenant_{admin.TenantId:N}";

        // Either node's job reads it first: the two items already there are noted, not posted.
        await WaitForAsync($"SELECT count(*) FROM {schema}.feed_entries", 2, TimeSpan.FromSeconds(60));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM {schema}.content_items"));

        site.Add("Dill season opens");
        site.Add("Mustard pickles are back");
        site.Add("Pickle festival on Saturday");
        for (var round = 0; round < 6; round++)
        {
            // The feed is due for both nodes' jobs, and an admin presses "Check now" on each node at the same moment.
            await ExecuteAsync($"UPDATE {schema}.feeds SET next_poll_at = now() - interval '1 second', last_polled_at = now() - interval '1 minute'");
            var checks = await Task.WhenAll(
                admin.Client.PostAsync($"/api/v1/feeds/{feedId}/check", null),
                onB.PostAsync($"/api/v1/feeds/{feedId}/check", null));
            Assert.All(checks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }

        Assert.Equal(3, await CountAsync($"SELECT count(*) FROM {schema}.content_items"));
        Assert.Equal(3, await CountAsync($"SELECT count(DISTINCT title) FROM {schema}.content_items"));
        Assert.Equal(5, await CountAsync($"SELECT count(*) FROM {schema}.feed_entries"));
        Assert.Equal(3, await CountAsync($"SELECT count(*) FROM {schema}.feed_entries WHERE content_item_id IS NOT NULL"));
        // Once the new items were in, the unchanged feed was answered with 304s.
        Assert.True(site.Answers("304 /news.rss") >= 1, "no conditional request was answered 304");
    }
}
