using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;

namespace BrandAutomator.WebApi.Tests.Auth;

/// <summary>The production rule: inviting people needs a confirmed address.</summary>
public sealed class VerifiedEmailFactory : ApiFactory
{
    public VerifiedEmailFactory() => WithSetting("Accounts:RequireVerifiedEmail", "true");
}

public sealed class EmailVerificationTests(VerifiedEmailFactory factory) : IClassFixture<VerifiedEmailFactory>
{
    [Fact]
    public async Task Sign_up_mails_a_link_that_confirms_the_address()
    {
        var account = await factory.RegisterAsync();
        var (userId, token) = Outbox.Fragment(await Outbox.WaitForLinkAsync(factory, account.Email, "/verify-email"));
        Assert.Equal(account.UserId, userId);
        Assert.False(await EmailVerifiedAsync(account));

        var verify = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/email/verify", new { userId, token });

        await verify.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.True(await EmailVerifiedAsync(account));
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'EmailVerified' AND user_id = '{userId}'"));
    }

    [Fact]
    public async Task Inviting_needs_a_confirmed_address()
    {
        var account = await factory.RegisterAsync();
        var invite = () => account.Client.PostAsJsonAsync($"/api/v1/tenants/{account.TenantId}/users/invite",
            new { email = ApiClient.UniqueEmail("teammate"), role = "editor" });

        var refused = await invite();
        await refused.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Confirm your e-mail address", (await refused.ProblemAsync())["detail"]!.ToString(), StringComparison.Ordinal);

        var (userId, token) = Outbox.Fragment(await Outbox.WaitForLinkAsync(factory, account.Email, "/verify-email"));
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/email/verify", new { userId, token })).EnsureSuccessStatusCode();
        await (await invite()).EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Accepting_an_invitation_confirms_the_invited_address()
    {
        var admin = await factory.RegisterAsync();
        var (userId, token) = Outbox.Fragment(await Outbox.WaitForLinkAsync(factory, admin.Email, "/verify-email"));
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/email/verify", new { userId, token })).EnsureSuccessStatusCode();

        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");

        Assert.True(await EmailVerifiedAsync(editor));
    }

    [Fact]
    public async Task A_wrong_link_is_refused_and_audited()
    {
        var account = await factory.RegisterAsync();

        var verify = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/email/verify", new { userId = account.UserId, token = "not-a-token" });

        await verify.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await verify.ProblemAsync())["errors"]!["token"]);
        Assert.False(await EmailVerifiedAsync(account));
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'EmailVerificationRefused' AND user_id = '{account.UserId}'"));
    }

    [Fact]
    public async Task A_new_link_can_be_asked_for_a_few_times_an_hour()
    {
        var account = await factory.RegisterAsync();
        // Sign-up sent the first of the hour's five.
        for (var i = 0; i < 4; i++)
        {
            var resend = await account.Client.PostAsync("/api/v1/auth/email/send-verification", null);
            await resend.EnsureStatusAsync(HttpStatusCode.Accepted);
        }

        var sixth = await account.Client.PostAsync("/api/v1/auth/email/send-verification", null);

        await sixth.EnsureStatusAsync(HttpStatusCode.Conflict);
        await Outbox.WaitForLinkAsync(factory, account.Email, "/verify-email", count: 5);
        var newest = Outbox.Fragment(Outbox.Links(factory, account.Email, "/verify-email")[^1]);
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/email/verify", new { userId = newest.UserId, token = newest.Token })).EnsureSuccessStatusCode();
        var again = await account.Client.PostAsync("/api/v1/auth/email/send-verification", null);
        await again.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    /// <summary>What a refreshed session says about the address.</summary>
    private async Task<bool> EmailVerifiedAsync(Account account)
    {
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        await login.EnsureStatusAsync(HttpStatusCode.OK);
        return (await login.Content.ReadFromJsonAsync<JsonObject>())!["user"]!["emailVerified"]!.GetValue<bool>();
    }
}
