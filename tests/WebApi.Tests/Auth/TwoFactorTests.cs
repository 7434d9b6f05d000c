using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.Infrastructure.Identity;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BrandAutomator.WebApi.Tests.Auth;

public sealed class TwoFactorFactory : ApiFactory
{
    public TwoFactorFactory() =>
        // The API's clock: codes are computed for its time, and steps and challenges can run out without waiting.
        ConfigureServices = services => services.AddSingleton<TimeProvider>(Time);

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
}

public sealed class TwoFactorTests(TwoFactorFactory factory) : IClassFixture<TwoFactorFactory>
{
    private HttpClient Anonymous => factory.CreateClient();

    [Fact]
    public void The_code_is_rfc_6238_for_its_test_vector()
    {
        // RFC 6238 appendix B, SHA-1: T = 59 s gives 94287082 (8 digits); the key is "12345678901234567890".
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("94287082", Totp.CodeForStep(secret, 59 / 30, digits: 8));
        Assert.Equal("287082", TotpAuthenticatorTokenProvider.Compute(secret, 59 / 30));
        Assert.Equal("005924", TotpAuthenticatorTokenProvider.Compute(secret, 1234567890 / 30));
    }

    [Fact]
    public async Task Enrolling_needs_a_code_from_the_new_key_and_answers_ten_recovery_codes_and_ends_other_sessions()
    {
        var account = await factory.RegisterAsync();
        var otherDevice = await PasswordSignInAsync(account);

        var setup = await (await account.Client.PostAsync("/api/v1/auth/two-factor/authenticator", null)).Content.ReadFromJsonAsync<JsonObject>();
        var uri = setup!["authenticatorUri"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/AI%20Brand%20Automator%3A", uri, StringComparison.Ordinal);
        Assert.Contains("issuer=AI%20Brand%20Automator", uri, StringComparison.Ordinal);
        Assert.StartsWith("<svg", setup["qrCodeSvg"]!.GetValue<string>().TrimStart(), StringComparison.Ordinal);
        Assert.Equal(Totp.SecretOf(uri).ToLowerInvariant(), setup["sharedKey"]!.GetValue<string>().Replace(" ", "", StringComparison.Ordinal));

        var wrong = await account.Client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = WrongCode(uri) });
        await wrong.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await wrong.ProblemAsync())["errors"]!["code"]);

        var enable = await account.Client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = CodeNow(uri) });
        await enable.EnsureStatusAsync(HttpStatusCode.OK);
        var codes = (await enable.Content.ReadFromJsonAsync<JsonObject>())!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(10, codes.Distinct().Count());

        var refreshOther = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = otherDevice });
        await refreshOther.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        var status = await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/auth/two-factor");
        Assert.True(status!["enabled"]!.GetValue<bool>());
        Assert.Equal(10, status["recoveryCodesLeft"]!.GetValue<int>());
        var again = await account.Client.PostAsync("/api/v1/auth/two-factor/authenticator", null);
        await again.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(0L, await factory.CountAsync($"SELECT count(*) FROM public.user_tokens WHERE user_id = '{account.UserId}' AND value LIKE '%{codes[0]}%'"));
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'TwoFactorEnabled' AND user_id = '{account.UserId}'"));
    }

    [Fact]
    public async Task Sign_in_asks_for_the_code_and_a_code_is_accepted_only_once()
    {
        var (account, uri, _) = await EnrolledAsync();

        var login = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        await login.EnsureStatusAsync(HttpStatusCode.Accepted);
        var body = (await login.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(body["accessToken"]);
        Assert.Null(body["refreshToken"]);
        var challenge = body["challenge"]!.GetValue<string>();

        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var code = CodeNow(uri);
        var signedIn = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge, code });
        await signedIn.EnsureStatusAsync(HttpStatusCode.OK);
        var session = (await signedIn.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(session["user"]!["twoFactorEnabled"]!.GetValue<bool>());

        var replay = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge, code });
        await replay.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await replay.ProblemAsync())["errors"]!["code"]);

        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var next = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge, code = CodeNow(uri) });
        await next.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2L, await factory.CountAsync(
            $"SELECT count(*) FROM public.audit_events WHERE type = 'SignInSucceeded' AND user_id = '{account.UserId}' AND detail LIKE '%authenticator%'"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_refused_afterwards()
    {
        var (account, _, codes) = await EnrolledAsync();

        var first = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge = await ChallengeAsync(account), recoveryCode = codes[3].ToUpperInvariant() });
        await first.EnsureStatusAsync(HttpStatusCode.OK);
        var second = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge = await ChallengeAsync(account), recoveryCode = codes[3] });
        await second.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await second.ProblemAsync())["errors"]!["recoveryCode"]);

        var status = await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/auth/two-factor");
        Assert.Equal(9, status!["recoveryCodesLeft"]!.GetValue<int>());
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'TwoFactorRecoveryCodeUsed' AND user_id = '{account.UserId}'"));
    }

    [Fact]
    public async Task A_challenge_expires_and_an_altered_one_is_refused()
    {
        var (account, uri, _) = await EnrolledAsync();
        var challenge = await ChallengeAsync(account);

        var altered = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge = challenge[..^3] + "abc", code = CodeNow(uri) });
        await altered.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await altered.ProblemAsync())["errors"]!["challenge"]);

        factory.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var late = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge, code = CodeNow(uri) });
        await late.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await late.ProblemAsync())["errors"]!["challenge"]);
    }

    [Fact]
    public async Task Wrong_codes_are_audited_and_then_refused_for_a_while_even_the_right_one()
    {
        var (account, uri, _) = await EnrolledAsync();
        var challenge = await ChallengeAsync(account);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge, code = WrongCode(uri) });
            await wrong.EnsureStatusAsync(HttpStatusCode.BadRequest);
        }

        var blocked = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge, code = CodeNow(uri) });
        await blocked.EnsureStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(5L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'TwoFactorCodeRefused' AND user_id = '{account.UserId}'"));

        factory.Time.Advance(TimeSpan.FromMinutes(16));
        var later = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/two-factor", new { challenge = await ChallengeAsync(account), code = CodeNow(uri) });
        await later.EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_or_a_code_and_sign_in_then_needs_only_the_password()
    {
        var (account, uri, _) = await EnrolledAsync();

        var nothing = await account.Client.PostAsJsonAsync("/api/v1/auth/two-factor/disable", new { });
        await nothing.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await nothing.ProblemAsync())["errors"]!["code"]);
        var wrong = await account.Client.PostAsJsonAsync("/api/v1/auth/two-factor/disable", new { password = "not the password at all" });
        await wrong.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await wrong.ProblemAsync())["errors"]!["password"]);

        var off = await account.Client.PostAsJsonAsync("/api/v1/auth/two-factor/disable", new { password = account.Password });
        await off.EnsureStatusAsync(HttpStatusCode.NoContent);

        var login = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        await login.EnsureStatusAsync(HttpStatusCode.OK);
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var oldKey = await account.Client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = CodeNow(uri) });
        await oldKey.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'TwoFactorDisabled' AND user_id = '{account.UserId}'"));
    }

    [Fact]
    public async Task An_admin_can_require_two_factor_sign_in_only_with_it_on_for_themselves()
    {
        var account = await factory.RegisterAsync();
        var refused = await account.Client.PutAsJsonAsync($"/api/v1/tenants/{account.TenantId}/two-factor", new { required = true });
        await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await refused.ProblemAsync())["errors"]!["required"]);

        var (enrolled, _, _) = await EnrolledAsync(account);
        var required = await enrolled.Client.PutAsJsonAsync($"/api/v1/tenants/{account.TenantId}/two-factor", new { required = true });
        await required.EnsureStatusAsync(HttpStatusCode.OK);

        var tenants = await enrolled.Client.GetFromJsonAsync<JsonArray>("/api/v1/tenants");
        Assert.True(tenants!.Single()!["requiresTwoFactor"]!.GetValue<bool>());
        var status = await enrolled.Client.GetFromJsonAsync<JsonObject>("/api/v1/auth/two-factor");
        Assert.True(status!["requiredByWorkspace"]!.GetValue<bool>());
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE type = 'TwoFactorRequirementChanged' AND tenant_id = '{account.TenantId}'"));
    }

    [Fact]
    public async Task In_a_workspace_that_requires_it_a_member_without_a_second_factor_can_only_set_one_up()
    {
        var (admin, _, _) = await EnrolledAsync();
        var required = await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/two-factor", new { required = true });
        await required.EnsureStatusAsync(HttpStatusCode.OK);
        var member = await Tenants.TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");

        // The web app sends the member to the set-up page; any other client gets a 403 that says what to do.
        var refused = await member.Client.GetAsync("/api/v1/companies");
        await refused.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("two-step verification", (await refused.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await member.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Sneaky" })).EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await factory.CountAsync($"SELECT count(*) FROM tenant_{admin.TenantId:N}.companies WHERE name = 'Sneaky'"));
        (await member.Client.GetAsync("/api/v1/auth/two-factor")).EnsureSuccessStatusCode();
        (await member.Client.GetAsync("/api/v1/tenants")).EnsureSuccessStatusCode();

        await EnrolledAsync(member);
        (await member.Client.GetAsync("/api/v1/companies")).EnsureSuccessStatusCode();
        // The admin, with a second factor, was never held back.
        (await admin.Client.GetAsync("/api/v1/companies")).EnsureSuccessStatusCode();
    }

    private string CodeNow(string uri) => Totp.Code(Totp.SecretOf(uri), factory.Time.GetUtcNow());

    private string WrongCode(string uri)
    {
        // A code from none of the accepted steps (the current one and one either side).
        var right = Enumerable.Range(-1, 3).Select(d => Totp.Code(Totp.SecretOf(uri), factory.Time.GetUtcNow().AddSeconds(30 * d))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !right.Contains(c));
    }

    private async Task<(Account Account, string Uri, List<string> RecoveryCodes)> EnrolledAsync(Account? account = null)
    {
        account ??= await factory.RegisterAsync();
        var setup = await (await account.Client.PostAsync("/api/v1/auth/two-factor/authenticator", null)).Content.ReadFromJsonAsync<JsonObject>();
        var uri = setup!["authenticatorUri"]!.GetValue<string>();
        var enable = await account.Client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = CodeNow(uri) });
        await enable.EnsureStatusAsync(HttpStatusCode.OK);
        var codes = (await enable.Content.ReadFromJsonAsync<JsonObject>())!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        return (account, uri, codes);
    }

    private async Task<string> ChallengeAsync(Account account)
    {
        var login = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        await login.EnsureStatusAsync(HttpStatusCode.Accepted);
        return (await login.Content.ReadFromJsonAsync<JsonObject>())!["challenge"]!.GetValue<string>();
    }

    private async Task<string> PasswordSignInAsync(Account account)
    {
        var login = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        await login.EnsureStatusAsync(HttpStatusCode.OK);
        return (await factory.AccountFromAsync(login, account.Email, account.Password)).RefreshToken;
    }
}
