using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;
using BrandAutomator.WebApi.Tests.Content;
using Microsoft.AspNetCore.Mvc.Testing;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Links;

/// <summary>
/// Short links through the real pipeline: a post asks for its links to be shortened, Quartz publishes it to the fake
/// networks, and the links in what the networks received redirect with each network's UTM parameters and count people.
/// </summary>
public sealed partial class ShortLinkTests(PublishingFactory factory) : IClassFixture<PublishingFactory>
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(75);

    [Fact]
    public async Task A_short_link_in_a_published_post_redirects_with_utm_and_counts_people_but_not_bots_or_head_requests()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "linkedIn");
        await ConnectAsync(admin, "x");
        var brand = await admin.CreateBrandAsync();
        var marker = FakePlatforms.NewMarker();
        var id = await CreateAsync(admin, brand, $"Our autumn menu is out: https://acme.example/menu?ref=feed. Book a table! {marker}");
        var settings = await admin.Client.PutAsJsonAsync($"/api/v1/content/{id}/links", new { shortenLinks = true, campaign = "Autumn Menu 2026" });
        await settings.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("autumn-menu-2026", (await settings.Content.ReadFromJsonAsync<JsonObject>())!["campaign"]!.GetValue<string>());

        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(2))).EnsureStatusAsync(HttpStatusCode.OK);
        await WaitForStateAsync(admin, id, Patience, "published");

        // Each network received its own short link instead of the address, and the post keeps the address as written.
        var sent = factory.Fakes.PublishRequests(marker);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.DoesNotContain("acme.example", r.Body, StringComparison.Ordinal));
        var codes = sent.Select(r => Code().Match(r.Body).Groups[1].Value).ToList();
        Assert.All(codes, c => Assert.Equal(10, c.Length));
        Assert.Equal(2, codes.Distinct().Count());
        Assert.Contains("https://acme.example/menu?ref=feed", (await GetPostAsync(admin, id))["variants"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var links = await LinksAsync(admin, id);
        var linkedIn = links["links"]!.AsArray().Single(l => l!["platform"]!.GetValue<string>() == "linkedIn")!;
        var target = linkedIn["targetUrl"]!.GetValue<string>();
        Assert.Equal($"https://acme.example/menu?ref=feed&utm_source=linkedin&utm_medium=social&utm_campaign=autumn-menu-2026&utm_content={id}", target);
        Assert.Equal("https://acme.example/menu?ref=feed", linkedIn["originalUrl"]!.GetValue<string>());
        var code = linkedIn["code"]!.GetValue<string>();
        Assert.Contains(code, codes);
        var x = links["links"]!.AsArray().Single(l => l!["platform"]!.GetValue<string>() == "x")!;
        Assert.Contains("utm_source=x&", x["targetUrl"]!.GetValue<string>(), StringComparison.Ordinal);

        using var visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var head = new HttpRequestMessage(HttpMethod.Head, $"/l/{code}"))
        {
            head.Headers.UserAgent.ParseAdd(Chrome);
            var answer = await visitor.SendAsync(head);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        foreach (var bot in new[] { "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", "Twitterbot/1.0",
                     "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" })
        {
            using var preview = new HttpRequestMessage(HttpMethod.Get, $"/l/{code}");
            preview.Headers.TryAddWithoutValidation("User-Agent", bot);
            var answer = await visitor.SendAsync(preview);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal(target, answer.Headers.Location!.OriginalString);
        }

        using (var click = new HttpRequestMessage(HttpMethod.Get, $"/l/{code}"))
        {
            click.Headers.UserAgent.ParseAdd(Chrome);
            var answer = await visitor.SendAsync(click);
            Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
            Assert.Equal(target, answer.Headers.Location!.OriginalString);
            Assert.Contains("no-store", answer.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        // The previews and the HEAD came first: once the person's click is written, anything they had counted would be too.
        var counted = await WaitForClicksAsync(admin, id, 1);
        Assert.Equal(1, counted["totalClicks"]!.GetValue<long>());
        var after = counted["links"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == code)!;
        Assert.Equal(1, after["clicks"]!.GetValue<long>());
        Assert.NotNull(after["lastClickedAt"]);
        var list = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/links"))!;
        Assert.Equal(1, list["totalClicks"]!.GetValue<long>());
        Assert.Equal(2, list["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_and_malformed_codes_are_not_found_and_links_are_left_alone_unless_asked()
    {
        using var visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/l/aaaaaaaaaa")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/l/short")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/l/has%20space1")).StatusCode);

        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "x");
        var marker = FakePlatforms.NewMarker();
        var id = await CreatePostAsync(admin, "x", $"Menu: https://acme.example/menu {marker}");
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(2))).EnsureStatusAsync(HttpStatusCode.OK);
        await WaitForStateAsync(admin, id, Patience, "published");
        Assert.Contains("https://acme.example/menu", Assert.Single(factory.Fakes.PublishRequests(marker)).Body, StringComparison.Ordinal);
        var links = await LinksAsync(admin, id);
        Assert.False(links["shortenLinks"]!.GetValue<bool>());
        Assert.Empty(links["links"]!.AsArray());
    }

    [Fact]
    public async Task Another_tenant_cannot_read_or_change_a_posts_links_and_sees_none_of_its_clicks()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var id = await CreatePostAsync(a, "x", "Menu: https://acme.example/menu");
        await (await a.Client.PutAsJsonAsync($"/api/v1/content/{id}/links", new { shortenLinks = true })).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.GetAsync($"/api/v1/content/{id}/links")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.PutAsJsonAsync($"/api/v1/content/{id}/links", new { shortenLinks = false })).StatusCode);
        Assert.True((await LinksAsync(a, id))["shortenLinks"]!.GetValue<bool>());
        var theirs = (await b.Client.GetFromJsonAsync<JsonObject>("/api/v1/links"))!;
        Assert.Equal(0, theirs["totalClicks"]!.GetValue<long>());
        Assert.Empty(theirs["items"]!.AsArray());
    }

    [Fact]
    public async Task A_campaign_without_letters_or_digits_is_refused_on_its_field()
    {
        var admin = await factory.RegisterAsync();
        var id = await CreatePostAsync(admin, "x", "Menu: https://acme.example/menu");
        var response = await admin.Client.PutAsJsonAsync($"/api/v1/content/{id}/links", new { shortenLinks = true, campaign = "!!!" });
        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ProblemAsync())["errors"]!["campaign"]);
    }

    private static async Task<Guid> CreateAsync(Account account, Guid companyId, string text)
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/content", new
        {
            title = "Autumn menu",
            companyId,
            variants = new[]
            {
                new { platform = "linkedIn", text, mediaAssetIds = Array.Empty<Guid>() },
                new { platform = "x", text, mediaAssetIds = Array.Empty<Guid>() },
            },
        });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> LinksAsync(Account account, Guid id) =>
        (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/content/{id}/links"))!;

    private static async Task<JsonObject> WaitForClicksAsync(Account account, Guid id, long clicks)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonObject links;
        do
        {
            links = await LinksAsync(account, id);
            if (links["totalClicks"]!.GetValue<long>() >= clicks)
            {
                return links;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"Post {id} has {links["totalClicks"]} clicks, expected {clicks}.");
    }

    [GeneratedRegex("/l/([0-9A-Za-z]{10})")]
    private static partial Regex Code();
}
