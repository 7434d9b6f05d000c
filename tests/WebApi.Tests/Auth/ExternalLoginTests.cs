using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Auth;

/// <summary>An API host whose Google and LinkedIn sign-in point at two local fake OpenID Connect providers.</summary>
public sealed class ExternalLoginFactory : ApiFactory
{
    public ExternalLoginFactory()
    {
        foreach (var (key, value) in Google.Settings("Google").Concat(LinkedIn.Settings("LinkedIn")))
        {
            WithSetting(key, value);
        }
    }

    public FakeOidcProvider Google { get; } = new();

    public FakeOidcProvider LinkedIn { get; } = new("linkedin-client", "linkedin-secret");

    protected override void Dispose(bool disposing)
    {
        Google.Dispose();
        LinkedIn.Dispose();
        base.Dispose(disposing);
    }
}

public sealed class ExternalLoginTests(ExternalLoginFactory factory) : IClassFixture<ExternalLoginFactory>
{
    private HttpClient Anonymous => factory.CreateClient();

    [Fact]
    public async Task The_configured_providers_are_offered()
    {
        var providers = await Anonymous.GetFromJsonAsync<JsonArray>("/api/v1/auth/external/providers");
        Assert.Equal(["google", "linkedin"], providers!.Select(p => p!["key"]!.GetValue<string>()));
        Assert.Equal(["Google", "LinkedIn"], providers!.Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_new_verified_address_signs_up_with_google_and_signs_in_again_as_the_same_person()
    {
        var person = new FakeOidcUser(Guid.NewGuid().ToString("N"), ApiClient.UniqueEmail("google"), Name: "Grace Outside");

        var first = await SignInWithAsync(factory.Google, "google", person);
        await first.EnsureStatusAsync(HttpStatusCode.OK);
        var account = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(person.Email, account["user"]!["email"]!.GetValue<string>());
        Assert.True(account["user"]!["emailVerified"]!.GetValue<bool>());
        Assert.Equal("Grace Outside's workspace", account["tenant"]!["name"]!.GetValue<string>());

        var again = await SignInWithAsync(factory.Google, "google", person);
        await again.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(account["user"]!["id"]!.GetValue<string>(), (await again.Content.ReadFromJsonAsync<JsonObject>())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.user_logins WHERE login_provider = 'google' AND provider_key = '{person.Subject}'"));
    }

    [Fact]
    public async Task An_address_with_an_account_is_never_taken_over_and_is_linked_only_by_its_signed_in_owner()
    {
        var owner = await factory.RegisterAsync();
        var atLinkedIn = new FakeOidcUser(Guid.NewGuid().ToString("N"), owner.Email);

        var takeover = await SignInWithAsync(factory.LinkedIn, "linkedin", atLinkedIn);
        await takeover.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(0L, await factory.CountAsync($"SELECT count(*) FROM public.user_logins WHERE user_id = '{owner.UserId}'"));
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'ExternalSignInRefused' AND user_id = '{owner.UserId}'"));

        var start = await owner.Client.PostAsync("/api/v1/auth/external/providers/linkedin/link/start", null);
        await start.EnsureStatusAsync(HttpStatusCode.OK);
        var (code, state) = factory.LinkedIn.Approve((await start.Content.ReadFromJsonAsync<JsonObject>())!["authorizationUrl"]!.GetValue<string>(), atLinkedIn);
        // Another account cannot finish a link the owner started.
        var stranger = await factory.RegisterAsync();
        var hijack = await stranger.Client.PostAsJsonAsync("/api/v1/auth/external/providers/linkedin/link/complete", new { code, state });
        await hijack.EnsureStatusAsync(HttpStatusCode.BadRequest);

        (code, state) = factory.LinkedIn.Approve((await (await owner.Client.PostAsync("/api/v1/auth/external/providers/linkedin/link/start", null))
            .Content.ReadFromJsonAsync<JsonObject>())!["authorizationUrl"]!.GetValue<string>(), atLinkedIn);
        var link = await owner.Client.PostAsJsonAsync("/api/v1/auth/external/providers/linkedin/link/complete", new { code, state });
        await link.EnsureStatusAsync(HttpStatusCode.OK);
        var ways = (await link.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(ways["providers"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "linkedin")!["linked"]!.GetValue<bool>());

        var signIn = await SignInWithAsync(factory.LinkedIn, "linkedin", atLinkedIn);
        await signIn.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(owner.UserId.ToString(), (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'ExternalLoginLinked' AND user_id = '{owner.UserId}'"));
    }

    [Fact]
    public async Task An_unverified_address_neither_signs_up_nor_links()
    {
        var unverified = new FakeOidcUser(Guid.NewGuid().ToString("N"), ApiClient.UniqueEmail("unverified"), EmailVerified: false);
        var signUp = await SignInWithAsync(factory.Google, "google", unverified);
        await signUp.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await signUp.ProblemAsync())["errors"]!["code"]);

        var owner = await factory.RegisterAsync();
        var start = await owner.Client.PostAsync("/api/v1/auth/external/providers/google/link/start", null);
        var (code, state) = factory.Google.Approve((await start.Content.ReadFromJsonAsync<JsonObject>())!["authorizationUrl"]!.GetValue<string>(), unverified);
        var link = await owner.Client.PostAsJsonAsync("/api/v1/auth/external/providers/google/link/complete", new { code, state });
        await link.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0L, await factory.CountAsync($"SELECT count(*) FROM public.user_logins WHERE provider_key = '{unverified.Subject}'"));
    }

    [Fact]
    public async Task Forged_replayed_or_foreign_answers_are_refused()
    {
        var person = new FakeOidcUser(Guid.NewGuid().ToString("N"), ApiClient.UniqueEmail("forged"));
        var (code, state) = await ApproveAsync(factory.Google, "google", person);
        factory.Google.SignWithUnpublishedKey = true;
        try
        {
            var forged = await Anonymous.PostAsJsonAsync("/api/v1/auth/external/providers/google/complete", new { code, state });
            await forged.EnsureStatusAsync(HttpStatusCode.BadRequest);
        }
        finally
        {
            factory.Google.SignWithUnpublishedKey = false;
        }

        var replayed = await Anonymous.PostAsJsonAsync("/api/v1/auth/external/providers/google/complete", new { code, state });
        await replayed.EnsureStatusAsync(HttpStatusCode.BadRequest);

        (code, state) = await ApproveAsync(factory.Google, "google", person);
        var otherProvider = await Anonymous.PostAsJsonAsync("/api/v1/auth/external/providers/linkedin/complete", new { code, state });
        await otherProvider.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await otherProvider.ProblemAsync())["errors"]!["state"]);

        (code, state) = await ApproveAsync(factory.Google, "google", person);
        factory.Google.WrongNonce = true;
        try
        {
            var wrongNonce = await Anonymous.PostAsJsonAsync("/api/v1/auth/external/providers/google/complete", new { code, state });
            await wrongNonce.EnsureStatusAsync(HttpStatusCode.BadRequest);
        }
        finally
        {
            factory.Google.WrongNonce = false;
        }

        Assert.Equal(0L, await factory.CountAsync($"SELECT count(*) FROM public.users WHERE email = '{person.Email}'"));
    }

    [Fact]
    public async Task The_last_way_in_cannot_be_unlinked()
    {
        var person = new FakeOidcUser(Guid.NewGuid().ToString("N"), ApiClient.UniqueEmail("only"));
        var signUp = await SignInWithAsync(factory.Google, "google", person);
        var account = await factory.AccountFromAsync(signUp, person.Email, "");

        var refused = await account.Client.DeleteAsync("/api/v1/auth/external/logins/google");
        await refused.EnsureStatusAsync(HttpStatusCode.Conflict);

        var start = await account.Client.PostAsync("/api/v1/auth/external/providers/linkedin/link/start", null);
        var (code, state) = factory.LinkedIn.Approve((await start.Content.ReadFromJsonAsync<JsonObject>())!["authorizationUrl"]!.GetValue<string>(),
            new FakeOidcUser(Guid.NewGuid().ToString("N"), person.Email));
        await (await account.Client.PostAsJsonAsync("/api/v1/auth/external/providers/linkedin/link/complete", new { code, state })).EnsureStatusAsync(HttpStatusCode.OK);

        var unlinked = await account.Client.DeleteAsync("/api/v1/auth/external/logins/google");
        await unlinked.EnsureStatusAsync(HttpStatusCode.OK);
        var ways = (await unlinked.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(ways["hasPassword"]!.GetValue<bool>());
        Assert.Equal(["linkedin"], ways["providers"]!.AsArray().Where(p => p!["linked"]!.GetValue<bool>()).Select(p => p!["key"]!.GetValue<string>()));
    }

    private async Task<(string Code, string State)> ApproveAsync(FakeOidcProvider provider, string key, FakeOidcUser person)
    {
        var start = await Anonymous.PostAsync($"/api/v1/auth/external/providers/{key}/start", null);
        await start.EnsureStatusAsync(HttpStatusCode.OK);
        var url = (await start.Content.ReadFromJsonAsync<JsonObject>())!["authorizationUrl"]!.GetValue<string>();
        return provider.Approve(url, person);
    }

    private async Task<HttpResponseMessage> SignInWithAsync(FakeOidcProvider provider, string key, FakeOidcUser person)
    {
        var (code, state) = await ApproveAsync(provider, key, person);
        return await Anonymous.PostAsJsonAsync($"/api/v1/auth/external/providers/{key}/complete", new { code, state });
    }
}

public sealed class UnconfiguredExternalLoginTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Without_configuration_no_provider_is_offered_and_starting_one_says_so()
    {
        var client = factory.CreateClient();
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>("/api/v1/auth/external/providers"))!);

        var start = await client.PostAsync("/api/v1/auth/external/providers/google/start", null);
        await start.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("Google", (await start.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var unknown = await client.PostAsync("/api/v1/auth/external/providers/myspace/start", null);
        await unknown.EnsureStatusAsync(HttpStatusCode.NotFound);
    }
}
