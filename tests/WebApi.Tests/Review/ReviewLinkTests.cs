using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Review;

public sealed class ReviewFactory : ApiFactory
{
    public ReviewFactory() => ConfigureServices = services =>
    {
        services.AddSingleton<IFileStorage, FakeFileStorage>();
        // The API's clock, so that a link can be made to expire without waiting for it.
        services.AddSingleton<TimeProvider>(Time);
    };

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
}

/// <summary>Client review links: shared without an account, decisions reach the team, revoked and expired links are gone.</summary>
public sealed class ReviewLinkTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private string Day(int days) => factory.Time.GetUtcNow().AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string At(int days) => factory.Time.GetUtcNow().AddDays(days).ToString("yyyy-MM-dd'T'10:00", CultureInfo.InvariantCulture);

    private static async Task<JsonObject> ShareAsync(Account admin, object body)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/review-links", body);
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient reviewer, string token, Guid post, object body) =>
        reviewer.PostAsJsonAsync($"/api/v1/review/{token}/posts/{post}/decision", body);

    [Fact]
    public async Task A_reviewer_without_an_account_sees_only_the_shared_posts_and_the_team_sees_their_decisions()
    {
        var admin = await factory.RegisterAsync(company: "Fjord Coffee");
        var first = await CreatePostAsync(admin, "linkedIn", "Our new roast lands on Monday.", at: At(3), title: "New roast");
        var second = await CreatePostAsync(admin, "x", "Cold brew is back.", at: At(5), title: "Cold brew");
        var outside = await CreatePostAsync(admin, "x", "A secret launch nobody may see yet.", at: At(40), title: "Secret launch");
        var created = await ShareAsync(admin, new { name = "Next two weeks", from = Day(1), to = Day(14), expiresInDays = 7 });
        var token = created["token"]!.GetValue<string>();
        Assert.Equal($"/review/{token}", created["path"]!.GetValue<string>());
        Assert.Equal(2, created["link"]!["postCount"]!.GetValue<int>());

        var reviewer = factory.CreateClient();
        var page = await reviewer.GetAsync($"/api/v1/review/{token}");
        await page.EnsureStatusAsync(HttpStatusCode.OK);
        var text = await page.Content.ReadAsStringAsync();
        var shared = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("Fjord Coffee", shared["workspace"]!.GetValue<string>());
        Assert.Equal([first, second], shared["posts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ToArray());
        Assert.Equal("Our new roast lands on Monday.", shared["posts"]![0]!["variants"]![0]!["text"]!.GetValue<string>());
        // Nothing beyond the shared posts: not the other post, nor who wrote them.
        Assert.DoesNotContain("Secret launch", text, StringComparison.Ordinal);
        Assert.DoesNotContain(admin.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(admin.UserId.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(admin.TenantId.ToString(), text, StringComparison.OrdinalIgnoreCase);

        // The name as typed (hidden characters and extra spaces dropped), on each decision and in the audit log.
        await (await DecideAsync(reviewer, token, first, new { reviewerName = "  Ana\u200B  Client ", verdict = "approved" }))
            .EnsureStatusAsync(HttpStatusCode.OK);
        var noComment = await DecideAsync(reviewer, token, second, new { reviewerName = "Ana Client", verdict = "changesRequested" });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.NotNull((await noComment.ProblemAsync())["errors"]!["comment"]);
        var changes = await DecideAsync(reviewer, token, second, new { reviewerName = "Ana Client", verdict = "changesRequested", comment = "Say “iced”, not “cold”." });
        await changes.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("changesRequested", (await changes.Content.ReadFromJsonAsync<JsonObject>())!["decision"]!["verdict"]!.GetValue<string>());
        // A post the link does not share is not found, even with the right secret.
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(reviewer, token, outside, new { reviewerName = "Ana", verdict = "approved" })).StatusCode);

        // The team, viewers included, sees both decisions with the reviewer's name and comment.
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");
        var links = (await viewer.Client.GetFromJsonAsync<JsonArray>("/api/v1/review-links"))!;
        var link = links.Single()!;
        Assert.Equal("open", link["status"]!.GetValue<string>());
        Assert.Equal(1, link["approved"]!.GetValue<int>());
        Assert.Equal(1, link["changesRequested"]!.GetValue<int>());
        var posts = link["posts"]!.AsArray();
        Assert.Equal("Ana Client", posts[0]!["latest"]!["reviewerName"]!.GetValue<string>());
        Assert.Equal("approved", posts[0]!["latest"]!["verdict"]!.GetValue<string>());
        Assert.Equal("Say “iced”, not “cold”.", posts[1]!["latest"]!["comment"]!.GetValue<string>());
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT count(*) FROM public.audit_events WHERE tenant_id = '{admin.TenantId}' AND type = 'ClientApproved' AND detail LIKE '%''Ana Client''%New roast%'"));
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT count(*) FROM public.audit_events WHERE tenant_id = '{admin.TenantId}' AND type = 'ClientRequestedChanges' AND detail LIKE '%iced%'"));

        // Only the secret's hash is stored.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM public.review_links WHERE token_hash = '{hash}'"));
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM public.review_links WHERE token_hash = '{token}' OR name = '{token}'"));

        // Editing a post after the client approved it says so to the team.
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var edit = await admin.Client.PutAsJsonAsync($"/api/v1/content/{first}", new
        {
            title = "New roast", at = At(3), variants = new[] { new { platform = "linkedIn", text = "Our new roast lands on Tuesday." } },
        });
        await edit.EnsureStatusAsync(HttpStatusCode.OK);
        var detail = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/review-links/{link["id"]}"))!;
        Assert.True(detail["posts"]![0]!["editedSinceDecision"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_revoked_an_expired_and_an_unknown_link_all_answer_404_alike()
    {
        var admin = await factory.RegisterAsync();
        var post = await CreatePostAsync(admin, "linkedIn", "Autumn menu.", at: At(2), title: "Autumn");
        var revoked = await ShareAsync(admin, new { name = "To revoke", postIds = new[] { post }, expiresInDays = 30 });
        var expiring = await ShareAsync(admin, new { name = "Short", postIds = new[] { post }, expiresInDays = 1 });
        var reviewer = factory.CreateClient();
        await (await reviewer.GetAsync($"/api/v1/review/{revoked["token"]}")).EnsureStatusAsync(HttpStatusCode.OK);

        var revoke = await admin.Client.PostAsync($"/api/v1/review-links/{revoked["link"]!["id"]}/revoke", null);
        await revoke.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("revoked", (await revoke.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        var afterRevoke = await reviewer.GetAsync($"/api/v1/review/{revoked["token"]}");
        Assert.Equal(HttpStatusCode.NotFound, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await DecideAsync(reviewer, revoked["token"]!.GetValue<string>(), post, new { reviewerName = "Ana", verdict = "approved" })).StatusCode);
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE tenant_id = '{admin.TenantId}' AND type = 'ReviewLinkRevoked'"));

        await (await reviewer.GetAsync($"/api/v1/review/{expiring["token"]}")).EnsureStatusAsync(HttpStatusCode.OK);
        factory.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var afterExpiry = await reviewer.GetAsync($"/api/v1/review/{expiring["token"]}");
        Assert.Equal(HttpStatusCode.NotFound, afterExpiry.StatusCode);

        var unknown = await reviewer.GetAsync("/api/v1/review/rv_" + new string('a', 43));
        var malformed = await reviewer.GetAsync("/api/v1/review/not-a-token");
        var bodies = new[] { afterRevoke, afterExpiry, unknown, malformed };
        Assert.All(bodies, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var details = await Task.WhenAll(bodies.Select(async r => (await r.ProblemAsync())["detail"]?.GetValue<string>()));
        Assert.Single(details.Distinct());
    }

    [Fact]
    public async Task Bad_requests_are_400s_naming_the_field_and_only_admins_share()
    {
        var admin = await factory.RegisterAsync();
        var post = await CreatePostAsync(admin, "linkedIn", "Spring.", at: At(2), title: "Spring");
        var other = await factory.RegisterAsync();
        var theirs = await CreatePostAsync(other, "linkedIn", "Not yours.", at: At(2), title: "Theirs");

        async Task<string> FieldOf(object body)
        {
            var response = await admin.Client.PostAsJsonAsync("/api/v1/review-links", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return Assert.Single((await response.ProblemAsync())["errors"]!.AsObject()).Key;
        }

        Assert.Equal("postIds", await FieldOf(new { name = "Nothing", expiresInDays = 7 }));
        Assert.Equal("expiresInDays", await FieldOf(new { name = "Too long", postIds = new[] { post }, expiresInDays = 61 }));
        Assert.Equal("to", await FieldOf(new { name = "Backwards", from = Day(10), to = Day(2), expiresInDays = 7 }));
        Assert.Equal("from", await FieldOf(new { name = "Bad day", from = "next week", expiresInDays = 7 }));
        Assert.Equal("postIds", await FieldOf(new { name = "Someone else's", postIds = new[] { theirs }, expiresInDays = 7 }));
        Assert.Equal("postIds", await FieldOf(new { name = "Empty range", from = Day(100), to = Day(101), expiresInDays = 7 }));
        Assert.Equal("name", await FieldOf(new { name = " ", postIds = new[] { post }, expiresInDays = 7 }));

        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await editor.Client.PostAsJsonAsync("/api/v1/review-links", new { name = "Mine", postIds = new[] { post }, expiresInDays = 7 })).StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM public.review_links WHERE name IN ('Mine', 'Someone else''s', 'Too long')"));

        var created = await ShareAsync(admin, new { name = "Fine", postIds = new[] { post }, expiresInDays = 7 });
        var token = created["token"]!.GetValue<string>();
        var reviewer = factory.CreateClient();
        var noName = await DecideAsync(reviewer, token, post, new { reviewerName = "\u200B ", verdict = "approved" });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.NotNull((await noName.ProblemAsync())["errors"]!["reviewerName"]);
        var badVerdict = await reviewer.PostAsync($"/api/v1/review/{token}/posts/{post}/decision",
            new StringContent("""{"reviewerName":"Ana","verdict":"maybe"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badVerdict.StatusCode);
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE tenant_id = '{admin.TenantId}' AND type LIKE 'Client%'"));
    }
}

public sealed class ReviewRateLimitFactory : ApiFactory
{
    public ReviewRateLimitFactory()
    {
        ConfigureServices = services => services.AddSingleton<IFileStorage, FakeFileStorage>();
        WithSetting("RateLimits:ReviewLinksPerIpPerMinute", "5");
    }
}

public sealed class ReviewLinkRateLimitTests(ReviewRateLimitFactory factory) : IClassFixture<ReviewRateLimitFactory>
{
    [Fact]
    public async Task Guessing_links_from_one_address_is_cut_off_with_429_and_retry_after()
    {
        var reviewer = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            last = await reviewer.GetAsync("/api/v1/review/rv_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 43));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null);
    }
}
