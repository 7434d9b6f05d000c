using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Hardening;

/// <summary>
/// Text PostgreSQL or our rule refuses (NUL, other control characters, lone surrogates) is a 400 naming the field,
/// wherever it comes in, and the framework's own 400 messages never reach the client.
/// </summary>
public sealed class TextInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/api/v1/auth/register", """{"email":"nul@example.com","password":"correct horse battery staple 42","fullName":"A\u0000B","companyName":"Acme"}""", "fullName")]
    [InlineData("/api/v1/auth/login", """{"email":"a\u0000@example.com","password":"whatever it is 1234"}""", "email")]
    [InlineData("/api/v1/auth/register", """{"email":"sur@example.com","password":"correct horse battery staple 42","fullName":"\ud800","companyName":"Acme"}""", "fullName")]
    public async Task Anonymous_json_with_a_refused_character_is_a_400_naming_the_field(string path, string json, string field)
    {
        var response = await factory.CreateClient().PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM public.users WHERE email IN ('nul@example.com', 'sur@example.com')"));
    }

    [Fact]
    public async Task A_nul_in_a_nested_string_of_a_signed_in_request_is_a_400_and_nothing_is_written()
    {
        var admin = await factory.RegisterAsync();
        var company = await admin.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Brand", description = "fine" });
        await company.EnsureStatusAsync(HttpStatusCode.Created);

        var response = await admin.Client.PostAsync("/api/v1/content", new StringContent(
            """{"title":"Post","variants":[{"platform":"x","text":"hello\u0000world","mediaAssetIds":[]}]}""", Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ProblemAsync())["errors"]!["variants[0].text"]);
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".content_items"));
    }

    [Fact]
    public async Task A_null_item_in_a_list_is_a_400_naming_the_item()
    {
        var admin = await factory.RegisterAsync();

        var response = await admin.Client.PostAsync("/api/v1/automation/schedule-content", new StringContent("{\"items\":[null]}", Encoding.UTF8, "application/json"));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ProblemAsync())["errors"]!["items[0]"]);
    }

    [Fact]
    public async Task A_nul_in_a_query_string_or_a_header_is_a_400_naming_it()
    {
        var admin = await factory.RegisterAsync();

        var search = await admin.Client.GetAsync("/api/v1/ai/search-files?q=coffee%00beans");
        using var scheduled = new HttpRequestMessage(HttpMethod.Get, "/api/v1/assets");
        scheduled.Headers.TryAddWithoutValidation("Idempotency-Key", "key\u0001");
        var header = await admin.Client.SendAsync(scheduled);

        await search.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await search.ProblemAsync())["errors"]!["q"]);
        await header.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await header.ProblemAsync())["errors"]!["Idempotency-Key"]);
    }

    [Theory]
    [InlineData("", "application/json", 400, "body")]
    [InlineData("{\"email\":", "application/json", 400, "email")]
    [InlineData("{\"email\":\"x@example.com\"}", "text/plain", 415, "body")]
    [InlineData("[1,2]", "application/json", 400, "body")]
    public async Task The_frameworks_400s_come_in_our_own_words(string body, string contentType, int status, string field)
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/auth/login", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.True(problem["errors"]?[field] is not null, text);
        foreach (var frameworkWord in new[] { "Implicit body", "Did you mean", "parameter \"", "LoginRequest", "System.", "Expected a supported JSON media type" })
        {
            Assert.DoesNotContain(frameworkWord, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_the_parameter_in_our_words()
    {
        var admin = await factory.RegisterAsync();

        var response = await admin.Client.GetAsync("/api/v1/assets?page=many");

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotNull(JsonNode.Parse(text)!["errors"]!["page"]);
        Assert.DoesNotContain("Failed to bind", text, StringComparison.Ordinal);
    }
}
