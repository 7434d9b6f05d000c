using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Auth;

public sealed class RegistrationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Two_sign_ups_make_two_schemas_each_with_the_tenant_tables()
    {
        var a = await factory.RegisterAsync(company: "Alpha");
        var b = await factory.RegisterAsync(company: "Beta");

        foreach (var account in new[] { a, b })
        {
            var tables = await TablesInAsync($"tenant_{account.TenantId:N}");
            Assert.Contains("companies", tables);
            Assert.Contains("__EFMigrationsHistory", tables);
        }

        Assert.NotEqual(a.TenantId, b.TenantId);
    }

    [Fact]
    public async Task Each_request_works_only_inside_its_callers_schema()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();

        var created = await a.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Alpha's brand" });
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        var company = (await created.Content.ReadFromJsonAsync<JsonObject>())!;

        var listOfB = await b.Client.GetFromJsonAsync<JsonArray>("/api/v1/companies");
        var listOfA = await a.Client.GetFromJsonAsync<JsonArray>("/api/v1/companies");
        Assert.Empty(listOfB!);
        Assert.Single(listOfA!);
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM tenant_{a.TenantId:N}.companies"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM tenant_{b.TenantId:N}.companies"));
        var fromB = await b.Client.GetAsync($"/api/v1/companies/{company["id"]}");
        await fromB.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("Mars/Olympus_Mons", "UTC")]
    [InlineData(null, "UTC")]
    public async Task Sign_up_takes_the_browsers_time_zone_and_falls_back_to_utc(string? proposed, string expected)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new
        {
            email = ApiClient.UniqueEmail(), password = ApiClient.GoodPassword, fullName = "Ada Lovelace", companyName = "Zones", timeZone = proposed,
        });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", body["accessToken"]!.GetValue<string>());
        var settings = (await client.GetFromJsonAsync<JsonObject>("/api/v1/content/settings"))!;
        Assert.Equal(expected, settings["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_up_returns_tokens_user_and_tenant()
    {
        var email = ApiClient.UniqueEmail();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = ApiClient.GoodPassword, fullName = "Ada Lovelace", companyName = "Analytical Engines" });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(900, body["expiresIn"]!.GetValue<int>());
        Assert.Equal("admin", body["user"]!["role"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", body["user"]!["fullName"]!.GetValue<string>());
        Assert.Equal("Analytical Engines", body["tenant"]!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["refreshToken"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("short-pw", "Use at least 12 characters.")]
    [InlineData("password1234", "too common")]
    [InlineData("Qwertyuiop123", "too common")]
    public async Task Weak_password_gives_400_naming_the_field(string password, string message)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = ApiClient.UniqueEmail(), password, fullName = "Test", companyName = "Acme" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.Contains(message, problem["errors"]!["password"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_of_129_characters_is_refused_and_128_accepted()
    {
        var client = factory.CreateClient();
        var tooLong = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = ApiClient.UniqueEmail(), password = new string('x', 120) + "abcdefghi", fullName = "T", companyName = "A" });
        var longest = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = ApiClient.UniqueEmail(), password = new string('y', 120) + "abcdefgh", fullName = "T", companyName = "A" });

        await tooLong.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await longest.EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Second_sign_up_with_the_same_email_is_refused_on_the_email_field_and_leaves_no_tenant()
    {
        var first = await factory.RegisterAsync();
        var tenantsBefore = await CountAsync("SELECT count(*) FROM public.tenants");

        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = first.Email.ToUpperInvariant(), password = ApiClient.GoodPassword, fullName = "Copy", companyName = "Copycat" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ProblemAsync())["errors"]!["email"]);
        Assert.Equal(tenantsBefore, await CountAsync("SELECT count(*) FROM public.tenants"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant_%' AND nspname NOT IN (SELECT schema_name FROM public.tenants)"));
    }

    [Fact]
    public async Task A_fault_in_the_middle_of_provisioning_leaves_nothing_and_the_retry_succeeds()
    {
        var email = ApiClient.UniqueEmail("fault");
        var body = new { email, password = ApiClient.GoodPassword, fullName = "Faulty", companyName = "Faulty Towers" };
        var schemasBefore = await CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant_%'");
        // The fault: the database refuses the tenant's companies table, or the renaming of a spare schema to the tenant's
        // (whichever the sign-up does), inside the sign-up's one transaction with the tenant row, the user and the membership.
        await ExecuteAsync("""
            CREATE FUNCTION public.inject_provisioning_fault() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE object_identity LIKE 'tenant_%.companies'
                         OR command_tag = 'ALTER SCHEMA' AND object_identity LIKE 'tenant_%') THEN
                RAISE EXCEPTION 'injected provisioning fault';
              END IF;
            END $$;
            CREATE EVENT TRIGGER inject_provisioning_fault ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER SCHEMA')
              EXECUTE FUNCTION public.inject_provisioning_fault();
            """);
        HttpResponseMessage failed;
        try
        {
            failed = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", body);
        }
        finally
        {
            await ExecuteAsync("DROP EVENT TRIGGER inject_provisioning_fault; DROP FUNCTION public.inject_provisioning_fault();");
        }

        await failed.EnsureStatusAsync(HttpStatusCode.InternalServerError);
        Assert.Equal(schemasBefore, await CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant_%'"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM public.users WHERE normalized_email = '{email.ToUpperInvariant()}'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM public.tenants WHERE name = 'Faulty Towers'"));

        var retried = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", body);

        await retried.EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM public.tenants WHERE name = 'Faulty Towers' AND state = 'Ready'"));
    }

    [Fact]
    public async Task A_fault_while_making_another_workspace_leaves_nothing_nor_its_audit_entry_and_the_retry_succeeds()
    {
        // Another workspace is made by the same provisioning service as sign-up, in the command's transaction: the
        // audit entry waits for the commit, so a failed attempt leaves no trace but the failure.
        var account = await factory.RegisterAsync();
        var schemasBefore = await CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant_%'");
        await ExecuteAsync("""
            CREATE FUNCTION public.inject_second_workspace_fault() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE object_identity LIKE 'tenant_%.companies'
                         OR command_tag = 'ALTER SCHEMA' AND object_identity LIKE 'tenant_%') THEN
                RAISE EXCEPTION 'injected provisioning fault';
              END IF;
            END $$;
            CREATE EVENT TRIGGER inject_second_workspace_fault ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER SCHEMA')
              EXECUTE FUNCTION public.inject_second_workspace_fault();
            """);
        HttpResponseMessage failed;
        try
        {
            failed = await account.Client.PostAsJsonAsync("/api/v1/tenants", new { name = "Second Towers" });
        }
        finally
        {
            await ExecuteAsync("DROP EVENT TRIGGER inject_second_workspace_fault; DROP FUNCTION public.inject_second_workspace_fault();");
        }

        await failed.EnsureStatusAsync(HttpStatusCode.InternalServerError);
        Assert.Equal(schemasBefore, await CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant_%'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM public.tenants WHERE name = 'Second Towers'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM public.tenant_memberships WHERE user_id = '{account.UserId}'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM public.audit_events WHERE type = 'TenantCreated' AND detail LIKE '%Second Towers%'"));

        var retried = await account.Client.PostAsJsonAsync("/api/v1/tenants", new { name = "Second Towers" });

        await retried.EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM public.tenants WHERE name = 'Second Towers' AND state = 'Ready'"));
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM public.tenant_memberships WHERE user_id = '{account.UserId}' AND role = 'Admin'"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM public.audit_events WHERE type = 'TenantCreated' AND detail LIKE '%Second Towers%'"));
    }

    private Task<List<string>> TablesInAsync(string schema) =>
        factory.ColumnAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = $1", schema);

    private Task<long> CountAsync(string sql) => factory.CountAsync(sql);

    private Task ExecuteAsync(string sql) => factory.ExecuteSqlAsync(sql);
}
