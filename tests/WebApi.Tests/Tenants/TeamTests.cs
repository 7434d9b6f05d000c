using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Tenants;

public sealed class TeamTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_invited_person_joins_with_the_invited_role_and_is_listed()
    {
        var admin = await factory.RegisterAsync();

        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");

        Assert.Equal(admin.TenantId, editor.TenantId);
        Assert.Equal("editor", ApiClient.DecodePayload(editor.AccessToken)["role"]!.GetValue<string>());
        var members = (await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/tenants/{admin.TenantId}/users"))!;
        Assert.Equal(2, members.Count);
        Assert.Contains(members, m => string.Equals(m!["email"]!.GetValue<string>(), editor.Email, StringComparison.OrdinalIgnoreCase) && m["role"]!.GetValue<string>() == "editor");
    }

    [Fact]
    public async Task An_invitation_link_names_its_workspace_inviter_and_role_before_it_is_accepted_and_not_after()
    {
        var admin = await factory.RegisterAsync(company: "Preview Workspace");
        var other = await factory.RegisterAsync();
        var newcomer = ApiClient.UniqueEmail("preview");
        foreach (var email in new[] { newcomer, other.Email })
        {
            await (await admin.Client.PostAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/invite", new { email, role = "editor" }))
                .EnsureStatusAsync(HttpStatusCode.Created);
        }

        var token = await TeamHelpers.ReadInvitationTokenAsync(factory, newcomer);
        var anonymous = factory.CreateClient();
        var preview = await anonymous.PostAsJsonAsync("/api/v1/auth/invitation-preview", new { token });

        await preview.EnsureStatusAsync(HttpStatusCode.OK);
        var body = (await preview.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Preview Workspace", body["workspaceName"]!.GetValue<string>());
        Assert.Equal("editor", body["role"]!.GetValue<string>());
        Assert.Equal(newcomer, body["email"]!.GetValue<string>(), ignoreCase: true);
        Assert.False(string.IsNullOrWhiteSpace(body["invitedBy"]!.GetValue<string>()));
        Assert.False(body["hasAccount"]!.GetValue<bool>());

        // Someone who already has an account is told so: the page asks for that account's password.
        var existing = await anonymous.PostAsJsonAsync("/api/v1/auth/invitation-preview",
            new { token = await TeamHelpers.ReadInvitationTokenAsync(factory, other.Email) });
        Assert.True((await existing.Content.ReadFromJsonAsync<JsonObject>())!["hasAccount"]!.GetValue<bool>());

        await (await anonymous.PostAsJsonAsync("/api/v1/auth/accept-invite", new { token, password = ApiClient.GoodPassword, fullName = "New" }))
            .EnsureStatusAsync(HttpStatusCode.OK);
        var used = await anonymous.PostAsJsonAsync("/api/v1/auth/invitation-preview", new { token });
        var forged = await anonymous.PostAsJsonAsync("/api/v1/auth/invitation-preview", new { token = "not-a-token" });
        foreach (var refused in new[] { used, forged })
        {
            await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
            Assert.NotNull((await refused.ProblemAsync())["errors"]!["token"]);
        }
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_the_tenant_one_admin()
    {
        var ada = await factory.RegisterAsync();
        var bea = await TeamHelpers.InviteAndAcceptAsync(factory, ada, "admin");

        // Each sees two admins if the counts are not taken one after the other; the tenant's lock orders them.
        var responses = await Task.WhenAll(
            ada.Client.PutAsJsonAsync($"/api/v1/tenants/{ada.TenantId}/users/{bea.UserId}/role", new { role = "viewer" }),
            bea.Client.PutAsJsonAsync($"/api/v1/tenants/{ada.TenantId}/users/{ada.UserId}/role", new { role = "viewer" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT count(*) FROM public.tenant_memberships WHERE tenant_id = '{ada.TenantId}' AND role = 'Admin'"));
    }

    [Fact]
    public async Task An_invitation_works_once()
    {
        var admin = await factory.RegisterAsync();
        var email = ApiClient.UniqueEmail("once");
        await (await admin.Client.PostAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/invite", new { email, role = "viewer" }))
            .EnsureStatusAsync(HttpStatusCode.Created);
        var token = await TeamHelpers.ReadInvitationTokenAsync(factory, email);
        var body = new { token, password = ApiClient.GoodPassword, fullName = "Once" };

        await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/accept-invite", body)).EnsureStatusAsync(HttpStatusCode.OK);
        var again = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/accept-invite", body);

        await again.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await again.ProblemAsync())["errors"]!["token"]);
    }

    [Fact]
    public async Task Someone_with_an_account_joins_a_second_tenant_by_confirming_their_password()
    {
        var admin = await factory.RegisterAsync();
        var other = await factory.RegisterAsync();
        await (await admin.Client.PostAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/invite", new { email = other.Email, role = "editor" }))
            .EnsureStatusAsync(HttpStatusCode.Created);
        var token = await TeamHelpers.ReadInvitationTokenAsync(factory, other.Email);

        var wrong = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/accept-invite", new { token, password = "not their password" });
        var right = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/accept-invite", new { token, password = other.Password });

        await wrong.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        await right.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await other.Client.GetFromJsonAsync<JsonArray>("/api/v1/tenants"))!.Count);
    }

    [Fact]
    public async Task Only_admins_invite()
    {
        var admin = await factory.RegisterAsync();
        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");

        var response = await editor.Client.PostAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/invite",
            new { email = ApiClient.UniqueEmail(), role = "admin" });

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_role_change_takes_effect_at_the_next_refresh()
    {
        var admin = await factory.RegisterAsync();
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");

        var change = await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/{viewer.UserId}/role", new { role = "editor" });
        await change.EnsureStatusAsync(HttpStatusCode.OK);
        var refreshed = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = viewer.RefreshToken });
        var asEditor = await factory.AccountFromAsync(refreshed, viewer.Email, viewer.Password);

        await (await asEditor.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Now allowed" })).EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_or_removed()
    {
        var admin = await factory.RegisterAsync();

        var demote = await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/{admin.UserId}/role", new { role = "viewer" });
        var remove = await admin.Client.DeleteAsync($"/api/v1/tenants/{admin.TenantId}/users/{admin.UserId}");

        await demote.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await remove.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_removed_member_loses_the_tenant_and_its_sessions()
    {
        var admin = await factory.RegisterAsync();
        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");

        var remove = await admin.Client.DeleteAsync($"/api/v1/tenants/{admin.TenantId}/users/{editor.UserId}");
        await remove.EnsureStatusAsync(HttpStatusCode.NoContent);

        var refresh = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = editor.RefreshToken });
        await refresh.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/tenants/{admin.TenantId}/users"))!);
    }

    [Fact]
    public async Task Admins_read_the_security_events_of_their_tenant()
    {
        var admin = await factory.RegisterAsync();
        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = "a wrong password" });
        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = admin.Password });
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");
        await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/{viewer.UserId}/role", new { role = "editor" });

        var page = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/{admin.TenantId}/audit-log"))!;
        var types = page["items"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();

        foreach (var expected in new[] { "SignedUp", "SignInFailed", "SignInSucceeded", "InvitationSent", "InvitationAccepted", "RoleChanged" })
        {
            Assert.Contains(expected, types);
        }

        // The role changed, so the old token is refused (401) until the client refreshes; the new one is an editor's.
        var stale = await viewer.Client.GetAsync($"/api/v1/tenants/{admin.TenantId}/audit-log");
        await stale.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        var refreshed = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = viewer.RefreshToken });
        var editor = await factory.AccountFromAsync(refreshed, viewer.Email, viewer.Password);
        var asEditor = await editor.Client.GetAsync($"/api/v1/tenants/{admin.TenantId}/audit-log");
        await asEditor.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }
}
