using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Analytics.AnalyticsHelpers;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>
/// Metrics collection through the real pipeline against the networks' fake read APIs: what each network reports
/// reaches the analytics page and its CSV, a window read twice stores nothing twice, a rate limit rests the
/// connection for the wait asked, and a refused connection stops being read and says so.
/// </summary>
public sealed class CollectionTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    private static readonly string[] Networks = ["linkedIn", "x", "facebook", "instagram", "googleBusiness"];

    private FakeNetworkMetrics Fakes => factory.Fakes;

    [Fact]
    public async Task The_five_networks_metrics_reach_the_page_and_the_csv_and_a_repeated_window_stores_no_duplicates()
    {
        var admin = await factory.RegisterAsync();
        foreach (var network in Networks)
        {
            await ConnectAsync(admin, network);
        }

        var at = DateTimeOffset.UtcNow.AddHours(-5);
        var ids = new Dictionary<string, string>
        {
            ["linkedIn"] = $"urn:li:share:{NewId()}",
            ["x"] = NewId(),
            ["facebook"] = $"1010101010_{NewId()}",
            ["instagram"] = $"ig{NewId()}",
            ["googleBusiness"] = "accounts/111/locations/222/localPosts/1",
        };
        foreach (var (network, postId) in ids)
        {
            await PublishedPostAsync(factory, admin, network, postId, at, $"Autumn menu {network}");
        }

        var first = await factory.CollectAsync(admin.TenantId);
        Assert.Equal(5, first.Tracked);
        Assert.Equal(4, first.Read);
        var schema = $"\"tenant_{admin.TenantId:N}\"";
        var rows = await factory.CountAsync($"SELECT count(*) FROM {schema}.post_metrics");
        Assert.True(rows > 0);

        // A crash after the values were stored and before the schedule moved on: the next run reads the same window again.
        await factory.ExecuteSqlAsync($"UPDATE {schema}.post_performance SET next_collection_at = published_at");
        var again = await factory.CollectAsync(admin.TenantId);
        Assert.Equal(4, again.Read);
        Assert.Equal(rows, await factory.CountAsync($"SELECT count(*) FROM {schema}.post_metrics"));
        Assert.Equal(0, await factory.CountAsync(
            $"SELECT count(*) FROM (SELECT 1 FROM {schema}.post_metrics GROUP BY content_item_id, platform, kind, window_start HAVING count(*) > 1) d"));

        var overview = await OverviewAsync(admin);
        var networks = overview["networks"]!.AsArray().ToDictionary(n => n!["platform"]!.GetValue<string>(), n => n!);
        foreach (var network in new[] { "linkedIn", "x", "facebook", "instagram" })
        {
            var reported = Fakes.PostMetrics(ids[network]);
            var current = networks[network]["current"]!;
            Assert.Equal(1, current["posts"]!.GetValue<int>());
            Assert.Equal(reported.Impressions, Long(current["impressions"]));
            var engagements = reported.Likes + reported.Comments + reported.Shares + (network == "linkedIn" || network == "facebook" || network == "x" ? reported.Clicks : 0) +
                              (network is "x" or "instagram" ? reported.Saves : 0);
            Assert.Equal(engagements, Long(current["engagements"]));
            Assert.Equal(Fakes.Followers, Long(current["followers"]));
        }

        var google = networks["googleBusiness"];
        Assert.False(google["hasPostMetrics"]!.GetValue<bool>());
        Assert.Contains("not per post", google["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Long(google["profileViews"]) > 0);

        var csv = await admin.Client.GetAsync("/api/v1/analytics/export.csv");
        await csv.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Cells).ToList();
        Assert.Equal(["Row", "Published", "Network", "Post", "Impressions", "Reach", "Engagements", "Clicks", "Engagement rate (%)"], lines[0]);
        var total = lines.Single(l => l[0] == "Total" && l[2] == "All networks");
        Assert.Equal(Long(overview["current"]!["impressions"]).ToString(System.Globalization.CultureInfo.InvariantCulture), total[4]);
        Assert.Equal(Long(overview["current"]!["engagements"]).ToString(System.Globalization.CultureInfo.InvariantCulture), total[6]);
        foreach (var post in overview["topPosts"]!.AsArray())
        {
            var line = lines.Single(l => l[0] == "Post" && l[3] == post!["title"]!.GetValue<string>() && l[2] == DisplayName(post["platform"]!.GetValue<string>()));
            Assert.Equal(Long(post!["impressions"]).ToString(System.Globalization.CultureInfo.InvariantCulture), line[4]);
            Assert.Equal(Long(post["engagements"]).ToString(System.Globalization.CultureInfo.InvariantCulture), line[6]);
        }

        var pdf = await admin.Client.GetAsync("/api/v1/analytics/report.pdf");
        await pdf.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains(Long(overview["current"]!["impressions"]).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        foreach (var post in overview["topPosts"]!.AsArray())
        {
            Assert.Contains(Long(post!["impressions"]).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_rate_limit_rests_the_connection_for_the_wait_the_network_asks_and_other_networks_go_on()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "x");
        await ConnectAsync(admin, "linkedIn");
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var limited = NewId();
        await PublishedPostAsync(factory, admin, "x", limited, at);
        await PublishedPostAsync(factory, admin, "x", limited + "1", at);
        await PublishedPostAsync(factory, admin, "linkedIn", $"urn:li:share:{limited}", at);
        Fakes.Script($"/2/users/{AccountIdFor("x")}", FakeAnswer.RateLimited(TimeSpan.FromMinutes(10)));
        var before = DateTimeOffset.UtcNow;

        var result = await factory.CollectAsync(admin.TenantId);

        Assert.Equal(1, result.Read);
        Assert.Equal(2, result.Postponed);
        var schema = $"\"tenant_{admin.TenantId:N}\"";
        var waits = await factory.ColumnAsync($"SELECT extract(epoch FROM next_collection_at)::bigint::text FROM {schema}.post_performance WHERE platform = 'X'");
        Assert.All(waits, w => Assert.InRange(long.Parse(w, System.Globalization.CultureInfo.InvariantCulture),
            before.AddMinutes(10).ToUnixTimeSeconds() - 1, DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds() + 1));
        Assert.DoesNotContain(Fakes.Requests, r => r.Path.StartsWith($"/2/tweets/{limited}", StringComparison.Ordinal));

        // Within the wait, another round asks X nothing.
        var asked = Fakes.Requests.Count(r => r.Kind.StartsWith("x-", StringComparison.Ordinal));
        await factory.CollectAsync(admin.TenantId);
        Assert.Equal(asked, Fakes.Requests.Count(r => r.Kind.StartsWith("x-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_connection_whose_token_is_refused_stops_being_read_and_the_page_warns()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "facebook", accessToken: "at-revoked");
        var post = $"1010101010_{NewId()}";
        await PublishedPostAsync(factory, admin, "facebook", post, DateTimeOffset.UtcNow.AddHours(-2));
        Fakes.Script($"/{AccountIdFor("facebook")}?fields=followers_count",
            new FakeAnswer(400, """{"error":{"message":"Error validating access token: The user has not authorized application 123.","type":"OAuthException","code":190,"error_subcode":458}}"""));

        await factory.CollectAsync(admin.TenantId);
        var asked = Fakes.Requests.Count(r => r.AccessToken == "at-revoked");
        var again = await factory.CollectAsync(admin.TenantId);

        Assert.Equal(1, again.ConnectionsSkipped);
        Assert.Equal(asked, Fakes.Requests.Count(r => r.AccessToken == "at-revoked"));
        var overview = await OverviewAsync(admin);
        var warning = Assert.Single(overview["warnings"]!.AsArray())!;
        Assert.Equal("facebook", warning["platform"]!.GetValue<string>());
        Assert.Contains("metrics are not being collected", warning["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Reconnect Facebook.", warning["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_periods_and_networks_are_refused_naming_the_field_and_refreshing_needs_an_editor()
    {
        var admin = await factory.RegisterAsync();

        var badDate = await admin.Client.GetAsync("/api/v1/analytics?from=24.10.2026");
        var backwards = await admin.Client.GetAsync("/api/v1/analytics?from=2026-10-24&to=2026-10-01");
        var network = await admin.Client.GetAsync("/api/v1/analytics/best-times?platform=myspace");

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.NotNull((await badDate.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["from"]);
        Assert.NotNull((await backwards.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["to"]);
        Assert.NotNull((await network.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["platform"]);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.Client.PostAsync("/api/v1/analytics/refresh", null)).StatusCode);
    }

    private static string DisplayName(string platform) => platform switch
    {
        "linkedIn" => "LinkedIn",
        "x" => "X",
        "facebook" => "Facebook",
        "instagram" => "Instagram",
        _ => "Google Business Profile",
    };

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
