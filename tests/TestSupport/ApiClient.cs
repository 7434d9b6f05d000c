using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrandAutomator.TestSupport;

/// <summary>A signed-up account as the tests use it: its tokens, ids and an authorised client.</summary>
public sealed record Account(string Email, string Password, string AccessToken, string RefreshToken, Guid UserId, Guid TenantId, Guid SessionId)
{
    public HttpClient Client { get; init; } = null!;
}

public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int _counter;

    public static string UniqueEmail(string prefix = "user") =>
        $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 30)] + "@example.com";

    public const string GoodPassword = "correct horse battery staple 42";

    public static async Task<Account> RegisterAsync(this ApiFactory factory, string? email = null, string company = "Acme Brands")
    {
        email ??= UniqueEmail();
        var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = GoodPassword, fullName = "Test User", companyName = company });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return await factory.AccountFromAsync(response, email, GoodPassword);
    }

    public static async Task<Account> AccountFromAsync(this ApiFactory factory, HttpResponseMessage response, string email, string password)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var access = body["accessToken"]!.GetValue<string>();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var claims = DecodePayload(access);
        return new Account(
            email, password, access, body["refreshToken"]!.GetValue<string>(),
            Guid.Parse(body["user"]!["id"]!.GetValue<string>()),
            Guid.Parse(body["tenant"]!["id"]!.GetValue<string>()),
            Guid.Parse(claims["sid"]!.GetValue<string>()))
        {
            Client = client,
        };
    }

    public static JsonObject DecodePayload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
    }

    /// <summary>Fails with the response body in the message, which is what one needs to read when it fails.</summary>
    public static async Task EnsureStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new Xunit.Sdk.XunitException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }

    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response)
    {
        Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
