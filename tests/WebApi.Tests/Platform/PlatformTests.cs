using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace BrandAutomator.WebApi.Tests.Platform;

public sealed class PlatformFactory : ApiFactory
{
    public PlatformFactory() =>
        // An endpoint that fails the way a bug would, through the real middleware pipeline.
        ConfigureServices = services => services.AddSingleton<IStartupFilter>(new ThrowingEndpointFilter());

    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(endpoints => endpoints.MapGet("/test/boom", IResult () =>
                throw new InvalidOperationException("secret internal detail at Boom.cs:42")));
        };
    }
}

public sealed class PlatformTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Ready_answers_200_when_postgres_answers()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Healthy", body!["checks"]!["postgres"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Live_answers_200()
    {
        var response = await factory.CreateClient().GetAsync("/health/live");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Swagger_document_is_valid_openapi_3_with_the_bearer_scheme()
    {
        var json = await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");

        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.StartsWith("3.", JsonNode.Parse(json)!["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(result.Document!.Components!.SecuritySchemes!.ContainsKey("Bearer"));
        Assert.Contains("/api/v1/auth/register", result.Document.Paths.Keys);
    }

    [Fact]
    public async Task Invalid_body_gives_400_problem_details_naming_each_field()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = "not-an-email", password = "short", fullName = "", companyName = "Acme" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("email"));
        Assert.True(errors.ContainsKey("password"));
        Assert.True(errors.ContainsKey("fullName"));
        Assert.False(errors.ContainsKey("companyName"));
    }

    [Fact]
    public async Task Malformed_json_gives_400_problem_details()
    {
        using var content = new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync("/api/v1/auth/register", content);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.NotNull(problem["errors"]);
    }

    [Fact]
    public async Task Unhandled_exception_gives_500_with_trace_id_and_no_stack_trace()
    {
        var response = await factory.CreateClient().GetAsync("/test/boom");

        await response.EnsureStatusAsync(HttpStatusCode.InternalServerError);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Boom.cs", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_route_gives_404_problem_details()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/no-such-thing");

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Correlation_id_is_echoed_or_made()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-ID", "abc-123");

        var echoed = await client.SendAsync(request);
        var made = await client.GetAsync("/health/live");

        Assert.Equal("abc-123", echoed.Headers.GetValues("X-Correlation-ID").Single());
        Assert.False(string.IsNullOrEmpty(made.Headers.GetValues("X-Correlation-ID").Single()));
    }
}
