using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using Npgsql;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

public sealed class TwoNodeCluster : ClusterFixture
{
    protected override IReadOnlyDictionary<string, string> Scenario => new Dictionary<string, string>
    {
        ["Scheduler:MaxConcurrency"] = "8",
        ["Publishing:RequestTimeoutSeconds"] = "10",
        ["Publishing:LeaseSeconds"] = "30",
    };
}

public sealed class SlowNetworkCluster : ClusterFixture
{
    protected override IReadOnlyDictionary<string, string> Scenario => new Dictionary<string, string>
    {
        ["Scheduler:MaxConcurrency"] = "4",
        ["Publishing:RequestTimeoutSeconds"] = "5",
        ["Publishing:LeaseSeconds"] = "12",
    };
}

/// <summary>Helpers shared by the two cluster scenarios: a tenant on node A, posts, and the database's view of them.</summary>
internal static class Cluster
{
    public static async Task<Account> SignUpAsync(ClusterNode node)
    {
        using var anonymous = node.Client();
        var email = ApiClient.UniqueEmail("cluster");
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = ApiClient.GoodPassword, fullName = "Cluster", companyName = "Cluster Co" });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var client = node.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
        return new Account(email, ApiClient.GoodPassword, body["accessToken"]!.GetValue<string>(), body["refreshToken"]!.GetValue<string>(),
            body["user"]!["id"]!.GetValue<Guid>(), body["tenant"]!["id"]!.GetValue<Guid>(), Guid.Empty) { Client = client };
    }

    /// <summary>An image and a video asset row: every network's post has the media it needs.</summary>
    public static async Task<(Guid Image, Guid Video)> InsertMediaAsync(string connectionString, Account account)
    {
        var (image, video) = (Guid.NewGuid(), Guid.NewGuid());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (id, type) in new[] { (image, "Image"), (video, "Video") })
        {
            await using var command = new NpgsqlCommand(AssetRowSql(id, account, type), connection);
            await command.ExecuteNonQueryAsync();
        }

        return (image, video);
    }

    /// <summary>Each post's state, straight from the tenant's table.</summary>
    public static async Task<Dictionary<Guid, string>> StatesAsync(string connectionString, Account account)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id, state FROM \"tenant_{account.TenantId:N}\".content_items", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var states = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            states[reader.GetGuid(0)] = reader.GetString(1);
        }

        return states;
    }

    public static async Task<List<(Guid Id, string Marker, DateTimeOffset At)>> CreatePostsAsync(
        Account account, (Guid Image, Guid Video) media, int count, DateTimeOffset first, TimeSpan spread)
    {
        var posts = new List<(Guid, string, DateTimeOffset)>();
        for (var i = 0; i < count; i++)
        {
            var platform = Platforms[i % Platforms.Length];
            var marker = FakePlatforms.NewMarker();
            var id = await CreatePostAsync(account, platform, $"Post {i} {marker}", MediaFor(platform, media.Image, media.Video));
            posts.Add((id, marker, first + (spread * i / count)));
        }

        return posts;
    }
}

/// <summary>
/// Two API processes (two nodes claiming due posts from one PostgreSQL, their Quartz schedulers clustered) publish
/// together: every post goes out once, on time, whichever node claims it.
/// </summary>
public sealed class ClusterPublishingTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    [Fact]
    public async Task Two_nodes_publish_200_posts_across_every_network_each_exactly_once_within_60_seconds_of_its_time()
    {
        var admin = await Cluster.SignUpAsync(cluster.NodeA);
        await ConnectAllAsync(admin);
        var media = await Cluster.InsertMediaAsync(cluster.ConnectionString, admin);
        // The next minute: from 15 s ahead (time to create and schedule them) over the following 30 s.
        var posts = await Cluster.CreatePostsAsync(admin, media, 200, DateTimeOffset.UtcNow.AddSeconds(15), TimeSpan.FromSeconds(30));

        var schedule = await ScheduleAsync(admin, posts.Select(p => (p.Id, (string?)p.At.ToString("O"))));
        await schedule.EnsureStatusAsync(HttpStatusCode.OK);

        var deadline = posts.Max(p => p.At) + TimeSpan.FromSeconds(60);
        Dictionary<Guid, string> states;
        do
        {
            await Task.Delay(1000);
            states = await Cluster.StatesAsync(cluster.ConnectionString, admin);
        }
        while (states.Values.Any(s => s != "Published") && DateTimeOffset.UtcNow < deadline);

        var notPublished = states.Where(s => s.Value != "Published").Select(s => $"{s.Key}: {s.Value}").ToList();
        Assert.True(notPublished.Count == 0, $"Not published: {string.Join(", ", notPublished)}\nA:\n{cluster.NodeA.Log}\nB:\n{cluster.NodeB.Log}");
        foreach (var (id, marker, at) in posts)
        {
            var requests = cluster.Fakes.PublishRequests(marker);
            Assert.True(requests.Count == 1, $"Post {id} was sent {requests.Count} times.");
            var late = requests[0].At - at;
            Assert.True(late >= TimeSpan.FromMilliseconds(-100) && late <= TimeSpan.FromSeconds(60), $"Post {id} was sent {late.TotalSeconds:0.0} s from its time.");
        }

        Assert.Equal(200, cluster.Fakes.AllPublishRequests().Count(r => r.Marker is not null && posts.Any(p => p.Marker == r.Marker)));
        // Both nodes took part: each has its own generated instance id in the cluster's check-in table.
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var nodes = new NpgsqlCommand("SELECT count(DISTINCT instance_name) FROM quartz.qrtz_scheduler_state", connection);
        Assert.Equal(2L, (long)(await nodes.ExecuteScalarAsync())!);
    }
}

/// <summary>
/// kill -9 of one node while it publishes: what it had sent is Unconfirmed (shown, never sent again), what it had not
/// sent is published by the other node, and nothing is published twice or left in Publishing.
/// </summary>
public sealed class NodeCrashTests(SlowNetworkCluster cluster) : IClassFixture<SlowNetworkCluster>
{
    [Fact]
    public async Task Killing_a_node_mid_publishing_loses_nothing_duplicates_nothing_and_leaves_lost_answers_unconfirmed()
    {
        var admin = await Cluster.SignUpAsync(cluster.NodeA);
        await ConnectAllAsync(admin);
        var media = await Cluster.InsertMediaAsync(cluster.ConnectionString, admin);
        var posts = await Cluster.CreatePostsAsync(admin, media, 40, DateTimeOffset.UtcNow.AddSeconds(8), TimeSpan.FromSeconds(4));
        // Every answer takes 1.5 s, so that each node always has requests out when it is killed.
        cluster.Fakes.Delay = TimeSpan.FromSeconds(1.5);
        var schedule = await ScheduleAsync(admin, posts.Select(p => (p.Id, (string?)p.At.ToString("O"))));
        await schedule.EnsureStatusAsync(HttpStatusCode.OK);

        var firstRequest = DateTime.UtcNow.AddSeconds(60);
        while (cluster.Fakes.Requests.Count(r => posts.Any(p => p.Marker == r.Marker)) < 6 && DateTime.UtcNow < firstRequest)
        {
            await Task.Delay(100);
        }

        // Answers are still 1.5 s away for the requests in flight: node A dies with some of them out.
        await Task.Delay(500);
        cluster.NodeA.Kill();

        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        Dictionary<Guid, string> states;
        do
        {
            await Task.Delay(1000);
            states = await Cluster.StatesAsync(cluster.ConnectionString, admin);
        }
        while (states.Values.Any(s => s is "Scheduled" or "Publishing") && DateTimeOffset.UtcNow < deadline);

        var unsettled = states.Where(s => s.Value is not ("Published" or "Unconfirmed")).Select(s => $"{s.Key}: {s.Value}").ToList();
        Assert.True(unsettled.Count == 0, $"Left: {string.Join(", ", unsettled)}\nB:\n{cluster.NodeB.Log}");
        var unconfirmed = 0;
        foreach (var (id, marker, _) in posts)
        {
            var requests = cluster.Fakes.PublishRequests(marker);
            Assert.True(requests.Count <= 1, $"Post {id} was sent {requests.Count} times.");
            if (states[id] == "Published")
            {
                Assert.Single(requests);
            }
            else if (requests.Count == 1)
            {
                unconfirmed++;
            }
        }

        Assert.True(unconfirmed > 0, "No post had its request out when the node died.");
        // Shown to the user: the post says so, and a notification tells them to check.
        using var client = cluster.NodeB.Client();
        client.DefaultRequestHeaders.Authorization = admin.Client.DefaultRequestHeaders.Authorization;
        var notifications = (await client.GetFromJsonAsync<JsonObject>("/api/v1/notifications?pageSize=200"))!["items"]!.AsArray();
        Assert.Equal(states.Count(s => s.Value == "Unconfirmed"), notifications.Count(n => n!["kind"]!.GetValue<string>() == "publish-unconfirmed"));
    }
}
