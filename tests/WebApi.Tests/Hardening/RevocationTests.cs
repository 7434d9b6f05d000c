using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;

namespace BrandAutomator.WebApi.Tests.Hardening;

/// <summary>
/// An access token already issued stops working when its session or membership ends or its role changes: at the next
/// request on the node that made the change, within seconds on another node.
/// </summary>
public sealed class RevocationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task After_logout_the_old_access_token_is_refused()
    {
        var account = await factory.RegisterAsync();
        await (await account.Client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);

        await (await account.Client.PostAsync("/api/v1/auth/logout", null)).EnsureStatusAsync(HttpStatusCode.NoContent);

        var after = await account.Client.GetAsync("/api/v1/companies");
        await after.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("session has ended", (await after.ProblemAsync())["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_revoking_a_session_from_another_one_its_access_token_is_refused_and_the_other_keeps_working()
    {
        var phone = await factory.RegisterAsync();
        var laptop = await SignInAsync(phone);
        await (await phone.Client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);

        await (await laptop.Client.DeleteAsync($"/api/v1/auth/sessions/{phone.SessionId}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        await (await phone.Client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        await (await laptop.Client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_removed_member_can_no_longer_read_the_tenant()
    {
        var admin = await factory.RegisterAsync();
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");
        await (await viewer.Client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);

        await (await admin.Client.DeleteAsync($"/api/v1/tenants/{admin.TenantId}/users/{viewer.UserId}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        await (await viewer.Client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_demoted_editor_cannot_create_posts_with_the_old_token_and_a_refresh_brings_the_new_role()
    {
        var admin = await factory.RegisterAsync();
        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");
        await (await editor.Client.GetAsync("/api/v1/content")).EnsureStatusAsync(HttpStatusCode.OK);

        await (await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/{editor.UserId}/role", new { role = "viewer" }))
            .EnsureStatusAsync(HttpStatusCode.OK);

        var create = await editor.Client.PostAsJsonAsync("/api/v1/content", new { title = "Not any more", variants = new[] { new { platform = "x", text = "Hi", mediaAssetIds = Array.Empty<Guid>() } } });
        await create.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("role", (await create.ProblemAsync())["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".content_items"));

        var refreshed = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = editor.RefreshToken });
        var viewer = await factory.AccountFromAsync(refreshed, editor.Email, editor.Password);
        await (await viewer.Client.GetAsync("/api/v1/content")).EnsureStatusAsync(HttpStatusCode.OK);
        var again = await viewer.Client.PostAsJsonAsync("/api/v1/content", new { title = "Still no", variants = new[] { new { platform = "x", text = "Hi", mediaAssetIds = Array.Empty<Guid>() } } });
        await again.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_api_node_refuses_a_signed_out_token_within_five_seconds()
    {
        var account = await factory.RegisterAsync();
        await using var otherNode = new ApiFactory()
            .WithSetting("ConnectionStrings:Default", factory.ConnectionString)
            .WithSetting("Embedded:DataDirectory", factory.DataDirectory);
        var onOtherNode = otherNode.CreateClient();
        onOtherNode.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        // The other node has read the session as live and remembers it.
        await (await onOtherNode.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);

        await (await account.Client.PostAsync("/api/v1/auth/logout", null)).EnsureStatusAsync(HttpStatusCode.NoContent);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await onOtherNode.GetAsync("/api/v1/companies")).StatusCode;
            if (status != HttpStatusCode.Unauthorized)
            {
                await Task.Delay(200);
            }
        }
        while (status != HttpStatusCode.Unauthorized && clock.Elapsed < Budget + TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(clock.Elapsed < Budget, $"The other node took {clock.Elapsed.TotalSeconds:F1} s.");
    }

    private async Task<Account> SignInAsync(Account account)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return await factory.AccountFromAsync(response, account.Email, account.Password);
    }
}
