using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Feeds;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BrandAutomator.WebApi.Tests.Feeds;

public sealed class FeedFactory : ApiFactory
{
    public FeedFactory()
    {
        ConfigureServices = services =>
        {
            services.AddSingleton<IFileStorage, FakeFileStorage>();
            services.AddSingleton<TimeProvider>(Time);
        };
        // The tests check feeds themselves ("Check now"); the job would only race them (harmlessly).
        WithSetting("Feeds:PollIntervalSeconds", "3600");
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
}

/// <summary>RSS and Atom feeds against a local feed site: new items, 304s, a malformed feed, a redirect, a site that is down.</summary>
public sealed class FeedTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    private static async Task<JsonObject> AddAsync(Account admin, string url, string name, string target = "draft")
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/feeds", new
        {
            name, url, target, platforms = new[] { "linkedIn", "x" }, template = "{title}\n\n{summary}\n\n{link}", intervalMinutes = 30,
        });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> CheckAsync(Account admin, JsonObject feed)
    {
        // "Check now" does not read a feed read in the last ten seconds.
        factory.Time.Advance(TimeSpan.FromSeconds(11));
        var response = await admin.Client.PostAsync($"/api/v1/feeds/{feed["id"]}/check", null);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<List<JsonNode>> DraftsAsync(Account admin) =>
        (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content?state=draft"))!["items"]!.AsArray().Select(i => i!).ToList();

    [Fact]
    public async Task New_items_become_one_post_each_unchanged_feeds_cost_a_304_and_a_broken_feed_is_reported_not_fatal()
    {
        await using var site = new FakeFeedServer();
        var admin = await factory.RegisterAsync();
        site.Add("Dill season opens");
        site.Add("Gherkins of the year");
        var news = await AddAsync(admin, site.Url + "/news.rss", "Pickle news");
        var broken = await AddAsync(admin, site.Url + "/broken.rss", "Broken feed");

        // The first read notes what is there: no posts for old news.
        var primed = await CheckAsync(admin, news);
        Assert.Equal("watching", primed["status"]!.GetValue<string>());
        Assert.Empty(await DraftsAsync(admin));

        site.Add("Mustard pickles are back", "<b>Old recipe</b>, new jars &amp; labels.");
        site.Add("Pickle festival", "Saturday in the market square.");
        Assert.Equal(2, (await CheckAsync(admin, news))["posts"]!.GetValue<int>());
        var unchanged = await CheckAsync(admin, news);
        Assert.Equal(2, unchanged["posts"]!.GetValue<int>());
        Assert.True(site.Answers("304 /news.rss") >= 1);

        var drafts = await DraftsAsync(admin);
        Assert.Equal(["Mustard pickles are back", "Pickle festival"], drafts.Select(d => d["title"]!.GetValue<string>()).Order().ToArray());
        var mustard = drafts.Single(d => d["title"]!.GetValue<string>() == "Mustard pickles are back");
        var text = mustard["variants"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("Mustard pickles are back\n\nOld recipe, new jars & labels.\n\nhttp://127.0.0.1:", text, StringComparison.Ordinal);

        // The malformed feed fails in words and, after five failures in a row, is paused with a warning; the good one goes on.
        var failing = await CheckAsync(admin, broken);
        Assert.Equal("failing", failing["status"]!.GetValue<string>());
        Assert.Contains("XML is broken", failing["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            failing = await CheckAsync(admin, broken);
        }

        Assert.Equal("paused", failing["status"]!.GetValue<string>());
        Assert.StartsWith("Paused after 5 failed checks in a row.", failing["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM tenant_{admin.TenantId:N}.notifications WHERE kind = 'feed-paused'"));
        site.Add("After the broken one");
        Assert.Equal(3, (await CheckAsync(admin, news))["posts"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_redirected_atom_feed_is_followed_and_bad_addresses_are_400s_naming_the_field()
    {
        await using var site = new FakeFeedServer();
        var admin = await factory.RegisterAsync();
        site.Add("Before the move");
        var moved = await AddAsync(admin, site.Url + "/moved.rss", "Moved feed");
        await CheckAsync(admin, moved);
        site.Add("After the move");
        var after = await CheckAsync(admin, moved);
        Assert.Equal(1, after["posts"]!.GetValue<int>());
        Assert.True(site.Answers("301 /moved.rss") >= 2);
        Assert.Equal("After the move", Assert.Single(await DraftsAsync(admin))["title"]!.GetValue<string>());

        async Task<string> FieldOf(object body)
        {
            var response = await admin.Client.PostAsJsonAsync("/api/v1/feeds", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return Assert.Single((await response.ProblemAsync())["errors"]!.AsObject()).Key;
        }

        Assert.Equal("url", await FieldOf(new { name = "Files", url = "file:///etc/passwd", platforms = new[] { "linkedIn" } }));
        Assert.Equal("platforms", await FieldOf(new { name = "None", url = site.Url + "/news.rss", platforms = Array.Empty<string>() }));
        Assert.Equal("intervalMinutes", await FieldOf(new { name = "Eager", url = site.Url + "/news.rss", platforms = new[] { "x" }, intervalMinutes = 1 }));
        Assert.Equal("template", await FieldOf(new { name = "Odd", url = site.Url + "/news.rss", platforms = new[] { "x" }, template = "Just words" }));
    }
}

public sealed class ProductionFeedFactory : ApiFactory
{
    public ProductionFeedFactory()
    {
        ConfigureServices = services => services.AddSingleton<IFileStorage, FakeFileStorage>();
        WithSetting("Feeds:AllowPrivateAddresses", "false");
    }
}

/// <summary>As in Production: feed addresses on private or loopback networks are refused when added and when connecting.</summary>
public sealed class FeedAddressTests(ProductionFeedFactory factory) : IClassFixture<ProductionFeedFactory>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/feed.xml")]
    [InlineData("http://10.1.2.3/feed.xml")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/feed.xml")]
    [InlineData("http://localhost/feed.xml")]
    public async Task A_private_or_loopback_address_is_refused_when_the_feed_is_added(string url)
    {
        var admin = await factory.RegisterAsync();
        var response = await admin.Client.PostAsJsonAsync("/api/v1/feeds", new { name = "Inside", url, platforms = new[] { "linkedIn" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("private or local network", (await response.ProblemAsync())["errors"]!["url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connection_itself_is_checked_so_a_name_that_leads_inside_is_refused_too()
    {
        await using var site = new FakeFeedServer();
        site.Add("Internal news");
        var fetcher = factory.Services.GetRequiredService<IFeedFetcher>();

        // "localhost" passed no check at adding time here: the check at connect time is what refuses it.
        var result = await fetcher.FetchAsync(new Uri(site.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/news.rss"), null, null, default);

        Assert.Equal(FeedFetchStatus.Failed, result.Status);
        Assert.Contains("private or local network", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, site.Answers("200 /news.rss"));
    }
}
