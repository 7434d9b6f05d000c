using System.Net;
using System.Net.Http.Json;
using BrandAutomator.Infrastructure.Identity;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.WebApi.Tests.Auth;

public sealed class PasswordResetTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string NewPassword = "a brand new passphrase 7";

    private HttpClient Anonymous => factory.CreateClient();

    [Fact]
    public async Task Forgot_password_answers_the_same_for_a_known_and_an_unknown_address_and_mails_only_the_known()
    {
        var account = await factory.RegisterAsync();
        var unknownEmail = ApiClient.UniqueEmail("nobody");

        var known = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = account.Email });
        var unknown = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = unknownEmail });

        await known.EnsureStatusAsync(HttpStatusCode.Accepted);
        await unknown.EnsureStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(known.Content.Headers.ContentType, unknown.Content.Headers.ContentType);
        await Outbox.WaitForLinkAsync(factory, account.Email, "/reset-password");
        Assert.Empty(Outbox.Links(factory, unknownEmail, "/reset-password"));
        Assert.Equal(1L, await factory.CountAsync(
            "SELECT count(*) FROM public.audit_events WHERE type = 'PasswordResetRequested' AND user_id IS NULL AND detail LIKE '%unknown%'"));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_every_session_of_the_user()
    {
        var account = await factory.RegisterAsync();
        var otherDevice = await SignInAsync(account.Email, account.Password);
        var (userId, token) = await RequestLinkAsync(account.Email);

        var reset = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { userId, token, newPassword = NewPassword });
        await reset.EnsureStatusAsync(HttpStatusCode.NoContent);

        foreach (var refreshToken in new[] { account.RefreshToken, otherDevice })
        {
            var refresh = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
            await refresh.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        }

        var oldPassword = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        await oldPassword.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        await SignInAsync(account.Email, NewPassword);

        var again = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { userId, token, newPassword = "yet another passphrase 8" });
        await again.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await again.ProblemAsync())["errors"]!["token"]);
        await SignInAsync(account.Email, NewPassword);
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'PasswordResetCompleted' AND user_id = '{userId}'"));
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'PasswordResetRefused' AND user_id = '{userId}'"));
        Assert.Equal(0L, await factory.CountAsync(
            $"SELECT count(*) FROM public.refresh_tokens WHERE user_id = '{userId}' AND revoked_at IS NULL AND created_at < (SELECT occurred_at FROM public.audit_events WHERE type = 'PasswordResetCompleted' AND user_id = '{userId}')"));
    }

    [Fact]
    public async Task A_reset_link_issued_before_a_password_change_is_dead_after_it()
    {
        var account = await factory.RegisterAsync();
        var (userId, token) = await RequestLinkAsync(account.Email);

        var change = await account.Client.PostAsJsonAsync("/api/v1/auth/password/change",
            new { currentPassword = account.Password, newPassword = NewPassword, keepThisSession = true });
        await change.EnsureStatusAsync(HttpStatusCode.NoContent);

        var reset = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { userId, token, newPassword = "someone else's passphrase" });
        await reset.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await SignInAsync(account.Email, NewPassword);
    }

    [Fact]
    public async Task A_new_password_outside_the_policy_is_refused_and_the_link_still_works()
    {
        var account = await factory.RegisterAsync();
        var (userId, token) = await RequestLinkAsync(account.Email);

        var tooShort = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { userId, token, newPassword = "short" });
        await tooShort.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await tooShort.ProblemAsync())["errors"]!["newPassword"]);
        var common = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { userId, token, newPassword = "password1234" });
        await common.EnsureStatusAsync(HttpStatusCode.BadRequest);

        var good = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { userId, token, newPassword = NewPassword });
        await good.EnsureStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_altered_link_is_refused_with_the_same_words_as_a_used_one()
    {
        var account = await factory.RegisterAsync();
        var (userId, token) = await RequestLinkAsync(account.Email);

        var altered = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { userId, token = token[..^4] + "AAAA", newPassword = NewPassword });
        var stranger = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { userId = Guid.NewGuid(), token, newPassword = NewPassword });

        await altered.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await stranger.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal((await altered.ProblemAsync())["errors"]!.ToJsonString(), (await stranger.ProblemAsync())["errors"]!.ToJsonString());
        await SignInAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task Reset_mails_to_one_account_are_capped_and_the_answer_stays_the_same()
    {
        var account = await factory.RegisterAsync();
        for (var i = 0; i < 5; i++)
        {
            var forgot = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = account.Email });
            await forgot.EnsureStatusAsync(HttpStatusCode.Accepted);
        }

        await Outbox.WaitForLinkAsync(factory, account.Email, "/reset-password", count: 3);
        await Task.Delay(1000);
        Assert.Equal(3, Outbox.Links(factory, account.Email, "/reset-password").Count);
        Assert.Equal(2L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'PasswordResetThrottled' AND user_id = '{account.UserId}'"));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        var account = await factory.RegisterAsync();
        var otherDevice = await SignInAsync(account.Email, account.Password);

        var wrong = await account.Client.PostAsJsonAsync("/api/v1/auth/password/change",
            new { currentPassword = "not my password at all", newPassword = NewPassword, keepThisSession = true });
        await wrong.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await wrong.ProblemAsync())["errors"]!["currentPassword"]);
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'PasswordChangeRefused' AND user_id = '{account.UserId}'"));

        var change = await account.Client.PostAsJsonAsync("/api/v1/auth/password/change",
            new { currentPassword = account.Password, newPassword = NewPassword, keepThisSession = true });
        await change.EnsureStatusAsync(HttpStatusCode.NoContent);

        var here = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = account.RefreshToken });
        await here.EnsureStatusAsync(HttpStatusCode.OK);
        var there = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = otherDevice });
        await there.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'PasswordChanged' AND user_id = '{account.UserId}'"));
    }

    [Fact]
    public async Task Changing_the_password_without_keeping_this_session_ends_it_too()
    {
        var account = await factory.RegisterAsync();

        var change = await account.Client.PostAsJsonAsync("/api/v1/auth/password/change",
            new { currentPassword = account.Password, newPassword = NewPassword, keepThisSession = false });
        await change.EnsureStatusAsync(HttpStatusCode.NoContent);

        var refresh = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = account.RefreshToken });
        await refresh.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<(Guid UserId, string Token)> RequestLinkAsync(string email)
    {
        var before = Outbox.Links(factory, email, "/reset-password").Count;
        var forgot = await Anonymous.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email });
        await forgot.EnsureStatusAsync(HttpStatusCode.Accepted);
        return Outbox.Fragment(await Outbox.WaitForLinkAsync(factory, email, "/reset-password", before + 1));
    }

    private async Task<string> SignInAsync(string email, string password)
    {
        var login = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        await login.EnsureStatusAsync(HttpStatusCode.OK);
        return (await factory.AccountFromAsync(login, email, password)).RefreshToken;
    }
}

/// <summary>Reset links that live one second, so that a test sees one expire.</summary>
public sealed class ShortResetLinkFactory : ApiFactory
{
    public ShortResetLinkFactory() =>
        ConfigureServices = services => services.Configure<PasswordResetTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromSeconds(1));
}

public sealed class PasswordResetExpiryTests(ShortResetLinkFactory factory) : IClassFixture<ShortResetLinkFactory>
{
    [Fact]
    public async Task A_reset_link_past_its_lifetime_is_refused()
    {
        var account = await factory.RegisterAsync();
        var forgot = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = account.Email });
        await forgot.EnsureStatusAsync(HttpStatusCode.Accepted);
        var (userId, token) = Outbox.Fragment(await Outbox.WaitForLinkAsync(factory, account.Email, "/reset-password"));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var reset = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/password/reset",
            new { userId, token, newPassword = "a brand new passphrase 7" });

        await reset.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("expired", (await reset.ProblemAsync())["errors"]!["token"]![0]!.ToString(), StringComparison.Ordinal);
    }
}
