using System.Net;
using System.Text;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Hardening;

/// <summary>Every API answer, success or problem, signed in or not, says not to sniff, frame or store it.</summary>
public sealed class ResponseHeaderTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Api_answers_carry_nosniff_no_store_and_the_other_json_headers()
    {
        var account = await factory.RegisterAsync();
        var anonymous = factory.CreateClient();

        var answers = new[]
        {
            await account.Client.GetAsync("/api/v1/companies"),
            await account.Client.GetAsync("/api/v1/content/" + Guid.NewGuid()),
            await anonymous.GetAsync("/api/v1/companies"),
            await anonymous.PostAsync("/api/v1/auth/login", new StringContent("{", Encoding.UTF8, "application/json")),
            await anonymous.GetAsync("/.well-known/jwks.json"),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.OK],
            answers.Select(a => a.StatusCode));
        foreach (var answer in answers)
        {
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
            Assert.True(answer.Headers.CacheControl?.NoStore, $"{answer.RequestMessage!.RequestUri}: Cache-Control {answer.Headers.CacheControl}");
            Assert.Equal("DENY", Assert.Single(answer.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(answer.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(answer.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
    }
}
