using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;

namespace BrandAutomator.WebApi.Tests.ApiKeys;

/// <summary>Workspace API keys: a service principal with only its scopes, refused within seconds once revoked or expired.</summary>
public sealed class ApiKeyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_created_key_is_shown_once_with_the_scanner_prefix_and_lists_without_its_secret()
    {
        var admin = await factory.RegisterAsync();
        var key = await admin.CreateKeyAsync(["contentRead", "publish"]);

        Assert.StartsWith("ba_live_", key.Secret, StringComparison.Ordinal);
        Assert.Equal(51, key.Secret.Length);
        Assert.Equal(key.Secret[..12], key.Answer["key"]!["displayPrefix"]!.GetValue<string>());

        var list = await admin.Client.GetStringAsync("/api/v1/api-keys");
        Assert.DoesNotContain(key.Secret, list, StringComparison.Ordinal);
        var listed = Assert.Single(JsonNode.Parse(list)!.AsArray());
        Assert.Equal("active", listed!["state"]!.GetValue<string>());
        Assert.Equal(["contentRead", "publish"], listed["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        // Only the hash is stored.
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM public.api_keys WHERE secret_hash = '{key.Secret}' OR name = '{key.Secret}'"));
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE tenant_id = '{admin.TenantId}' AND type = 'ApiKeyCreated'"));
    }

    [Fact]
    public async Task A_read_only_key_reads_but_gets_403_on_writes_and_nothing_is_written()
    {
        var admin = await factory.RegisterAsync();
        var key = await admin.CreateKeyAsync(["contentRead"]);
        var bearer = factory.KeyClient(key.Secret);
        var header = factory.KeyClient(key.Secret, asHeader: true);

        await (await bearer.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await header.GetAsync("/api/v1/content")).EnsureStatusAsync(HttpStatusCode.OK);

        var before = await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".companies");
        var write = await bearer.PostAsJsonAsync("/api/v1/companies", ApiKeyHelpers.Company());
        await write.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Write content", (await write.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var post = await header.PostAsJsonAsync("/api/v1/content",
            new { title = "Nope", variants = new[] { new { platform = "x", text = "Hi", mediaAssetIds = Array.Empty<Guid>() } } });
        await post.EnsureStatusAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".companies"));
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".content_items"));
        // Outside its scopes entirely: analytics and AI.
        await (await bearer.GetAsync("/api/v1/dashboard")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await bearer.GetAsync("/api/v1/ai/usage")).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_write_key_creates_in_its_own_workspace_as_the_key()
    {
        var admin = await factory.RegisterAsync();
        var key = await admin.CreateKeyAsync(["contentRead", "contentWrite"]);
        var client = factory.KeyClient(key.Secret);

        var created = await client.PostAsJsonAsync("/api/v1/companies", ApiKeyHelpers.Company("Scripted Brand"));
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        var companies = await admin.Client.GetStringAsync("/api/v1/companies");
        Assert.Contains("Scripted Brand", companies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_key_reaches_account_session_team_billing_or_key_management()
    {
        var admin = await factory.RegisterAsync();
        var key = await admin.CreateKeyAsync(["contentRead", "contentWrite", "publish", "assets", "analytics", "ai"]);
        var client = factory.KeyClient(key.Secret);

        foreach (var (method, path) in new[]
                 {
                     ("GET", "/api/v1/api-keys"), ("POST", "/api/v1/api-keys"), ("DELETE", $"/api/v1/api-keys/{key.Id}"),
                     ("GET", "/api/v1/auth/sessions"), ("POST", "/api/v1/auth/logout"), ("POST", "/api/v1/auth/password/change"), ("POST", "/api/v1/tenants"),
                     ("GET", $"/api/v1/tenants/{admin.TenantId}/users"), ("GET", "/api/v1/tenants"),
                     ("GET", "/api/v1/subscriptions/status"), ("POST", "/api/v1/subscriptions/portal"),
                     ("POST", "/api/v1/content/calendar-token"), ("GET", "/api/v1/notifications"),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM public.api_keys WHERE tenant_id = '{admin.TenantId}' AND revoked_at IS NULL"));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_here_and_within_five_seconds_on_another_node()
    {
        var admin = await factory.RegisterAsync();
        var key = await admin.CreateKeyAsync(["contentRead"]);
        await using var otherNode = new ApiFactory()
            .WithSetting("ConnectionStrings:Default", factory.ConnectionString)
            .WithSetting("Embedded:DataDirectory", factory.DataDirectory);
        var here = factory.KeyClient(key.Secret);
        var there = otherNode.KeyClient(key.Secret);
        await (await here.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await there.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);

        var revoke = await admin.Client.DeleteAsync($"/api/v1/api-keys/{key.Id}");
        await revoke.EnsureStatusAsync(HttpStatusCode.OK);
        var elapsed = Stopwatch.StartNew();

        var refused = await here.GetAsync("/api/v1/companies");
        await refused.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", (await refused.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertRefusedWithinBudgetAsync(there, elapsed);
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE tenant_id = '{admin.TenantId}' AND type = 'ApiKeyRevoked'"));
    }

    [Fact]
    public async Task An_expired_key_is_refused_within_five_seconds()
    {
        var admin = await factory.RegisterAsync();
        var key = await admin.CreateKeyAsync(["contentRead"], expiresAt: DateTimeOffset.UtcNow.AddDays(30));
        var client = factory.KeyClient(key.Secret);
        await (await client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);

        // Its expiry comes (moved into the past, as time passing would).
        await factory.ExecuteSqlAsync($"UPDATE public.api_keys SET expires_at = now() - interval '1 second' WHERE id = '{key.Id}'");
        await AssertRefusedWithinBudgetAsync(client, Stopwatch.StartNew());

        var listed = JsonNode.Parse(await admin.Client.GetStringAsync("/api/v1/api-keys"))!.AsArray().Single()!;
        Assert.Equal("expired", listed["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Made_up_malformed_or_other_workspace_keys_get_nothing()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var keyA = await a.CreateKeyAsync(["contentRead"]);

        foreach (var secret in new[] { "ba_live_" + new string('A', 43), "ba_live_short", keyA.Secret + "x", keyA.Secret[..^1] + "!" })
        {
            await (await factory.KeyClient(secret).GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        }

        // A key of A cannot revoke or see B's keys, and B's admin cannot revoke A's key (404, as for any other tenant's object).
        await (await b.Client.DeleteAsync($"/api/v1/api-keys/{keyA.Id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await factory.KeyClient(keyA.Secret).GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Editors_and_viewers_cannot_manage_keys_and_bad_input_names_the_field()
    {
        var admin = await factory.RegisterAsync();
        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");
        await (await editor.Client.GetAsync("/api/v1/api-keys")).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await editor.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "contentRead" } }))
            .EnsureStatusAsync(HttpStatusCode.Forbidden);

        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { name = "", scopes = new[] { "contentRead" } }, "name"),
                     (new { name = "No scopes", scopes = Array.Empty<string>() }, "scopes"),
                     (new { name = "Past", scopes = new[] { "contentRead" }, expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }, "expiresAt"),
                     (new { name = "Rate", scopes = new[] { "contentRead" }, requestsPerMinute = 0 }, "requestsPerMinute"),
                 })
        {
            var response = await admin.Client.PostAsJsonAsync("/api/v1/api-keys", body);
            await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
            var errors = (await response.ProblemAsync())["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"{field} not in {errors.ToJsonString()}");
        }

        var unknownScope = await admin.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "everything" } });
        await unknownScope.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM public.api_keys WHERE tenant_id = '{admin.TenantId}'"));
    }

    private static async Task AssertRefusedWithinBudgetAsync(HttpClient client, Stopwatch elapsed)
    {
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/api/v1/companies")).StatusCode;
            if (status != HttpStatusCode.Unauthorized)
            {
                await Task.Delay(200);
            }
        }
        while (status != HttpStatusCode.Unauthorized && elapsed.Elapsed < Budget + TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(elapsed.Elapsed < Budget, $"Refused after {elapsed.Elapsed.TotalSeconds:F1} s.");
    }
}
