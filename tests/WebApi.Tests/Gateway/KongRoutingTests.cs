using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Assets;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrandAutomator.WebApi.Tests.Gateway;

/// <summary>
/// kong.yml against the API itself: every operation is routed, and the edge asks for a token exactly where the API does.
/// Which operations need a token comes from the API's own metadata (the OpenAPI document's <c>security</c>, which an
/// operation filter sets for endpoints with authorization metadata and no AllowAnonymous), not from a list kept here.
/// </summary>
public sealed partial class KongRoutingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly KongConfig _kong = KongConfig.Load();

    [Fact]
    public async Task Every_documented_operation_is_routed_and_carries_the_jwt_plugin_exactly_when_the_api_requires_authentication()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var checkedOperations = new List<(string Operation, bool Protected)>();
        var failures = new List<string>();

        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(p => OperationMethods.Contains(p.Key)))
            {
                var requiresAuthentication = operation!["security"] is JsonArray { Count: > 0 };
                var name = $"{method.ToUpperInvariant()} {template}";
                checkedOperations.Add((name, requiresAuthentication));
                Judge(name, method.ToUpperInvariant(), Concrete(template), requiresAuthentication, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // Not vacuous: the document has both kinds, including the ones this test exists for.
        Assert.Contains(("POST /api/v1/auth/register", false), checkedOperations);
        Assert.Contains(("GET /.well-known/jwks.json", false), checkedOperations);
        Assert.Contains(("GET /api/v1/companies", true), checkedOperations);
        Assert.Contains(("POST /api/v1/auth/logout", true), checkedOperations);
        Assert.True(checkedOperations.Count(o => o.Protected) >= 10, $"Only {checkedOperations.Count} operations were found.");
    }

    [Fact]
    public void Every_mapped_endpoint_including_those_outside_the_openapi_document_is_routed_with_the_right_protection()
    {
        // Health checks (and whatever else is mapped without being documented) come from the endpoint metadata itself.
        var failures = new List<string>();
        var seen = new List<string>();

        foreach (var (endpoint, method, path) in MappedEndpoints())
        {
            var metadata = endpoint.Metadata;
            var requiresAuthentication = metadata.GetOrderedMetadata<IAuthorizeData>().Any() && metadata.GetMetadata<IAllowAnonymous>() is null;
            var name = $"{method} {endpoint.RoutePattern.RawText}";
            seen.Add(name);
            Judge(name, method, path, requiresAuthentication, failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains("GET /health/live", seen);
        Assert.Contains("GET /health/ready", seen);
    }

    [Theory]
    [InlineData("GET", "/", "spa")]
    [InlineData("GET", "/dashboard/calendar", "spa")]
    [InlineData("GET", "/assets/index-3f2a.js", "spa")]
    [InlineData("GET", "/swagger/index.html", "swagger")]
    [InlineData("GET", "/swagger/v1/swagger.json", "swagger")]
    [InlineData("GET", "/health/ready", "health")]
    [InlineData("GET", "/.well-known/jwks.json", "jwks")]
    [InlineData("POST", "/api/v1/auth/register", "auth-anonymous")]
    [InlineData("POST", "/api/v1/auth/accept-invite", "auth-anonymous")]
    [InlineData("POST", "/api/v1/auth/invitation-preview", "auth-anonymous")]
    [InlineData("POST", "/api/v1/auth/password/forgot", "auth-anonymous")]
    [InlineData("POST", "/api/v1/auth/password/reset", "auth-anonymous")]
    [InlineData("POST", "/api/v1/auth/email/verify", "auth-anonymous")]
    [InlineData("POST", "/api/v1/auth/password/change", "api")]
    [InlineData("POST", "/api/v1/auth/email/send-verification", "api")]
    [InlineData("POST", "/api/v1/auth/logout", "api")]
    [InlineData("POST", "/api/v1/auth/register-admin", "api")]
    [InlineData("GET", "/api/v1/auth/register", "api")]
    [InlineData("GET", "/api/v1/companies", "api")]
    [InlineData("GET", "/api/v1/social/connect/linkedIn/callback", "social-oauth-callback")]
    [InlineData("GET", "/api/v1/drive/connect/callback", "drive-oauth-callback")]
    [InlineData("POST", "/api/v1/drive/connect", "api")]
    [InlineData("GET", "/api/v1/social/connect/linkedIn", "api")]
    [InlineData("GET", "/api/v1/subscriptions/plans", "subscription-plans")]
    [InlineData("POST", "/api/v1/subscriptions/plans", "api")]
    [InlineData("POST", "/api/v1/subscriptions/webhook", "stripe-webhook")]
    [InlineData("POST", "/api/v1/subscriptions/checkout", "api")]
    [InlineData("POST", "/api/v1/onboarding/assets/upload", "asset-upload")]
    [InlineData("POST", "/api/v1/ai/chat", "ai-chat")]
    [InlineData("GET", "/api/v1/ai/sessions", "api")]
    [InlineData("OPTIONS", "/api/v1/auth/login", "api")]
    [InlineData("GET", "/api/v1/files/tenant-3f2504e0/assets/logo.png", "signed-files")]
    [InlineData("DELETE", "/api/v1/files/tenant-3f2504e0/assets/logo.png", "api")]
    [InlineData("GET", "/l/aB3dE5fG7h", "short-links")]
    [InlineData("HEAD", "/l/aB3dE5fG7h", "short-links")]
    [InlineData("GET", "/l/aB3dE5fG7h/more", "spa")]
    [InlineData("GET", "/api/v1/content/3f2504e0-4f89-11d3-9a0c-0305e82c3301/links", "api")]
    public void Kong_picks_the_route_its_precedence_rules_give(string method, string path, string expected)
    {
        // The SPA's GET route names methods and paths, so a protected route that named paths only would lose every GET
        // under /api/ to it: this pins down the precedence the route layout relies on.
        Assert.Equal(expected, _kong.Match(method, path)?.Name);
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/settings/team")]
    [InlineData("GET", "/swagger/index.html")]
    [InlineData("GET", "/health/live")]
    public void The_spa_the_api_explorer_and_health_need_no_token_at_the_edge(string method, string path)
    {
        var route = _kong.Match(method, path);

        Assert.NotNull(route);
        Assert.Null(_kong.EffectivePlugin(route, "jwt"));
    }

    [Fact]
    public void The_chat_stream_passes_the_edge_unbuffered_and_only_with_a_token()
    {
        var route = _kong.Route("ai-chat");

        Assert.False(route.Node["response_buffering"]!.GetValue<bool>());
        Assert.NotNull(_kong.EffectivePlugin(route, "jwt"));
    }

    [Fact]
    public void Cors_preflights_pass_the_edge_without_a_token()
    {
        var jwt = _kong.EffectivePlugin(_kong.Match("OPTIONS", "/api/v1/companies")!, "jwt")!;

        Assert.False(jwt["run_on_preflight"]!.GetValue<bool>());
        Assert.Contains("OPTIONS", _kong.GlobalPlugin("cors")!["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public void The_jwt_plugin_selects_the_consumer_by_issuer_and_verifies_expiry_everywhere_it_is_used()
    {
        var configurations = _kong.Routes.Select(r => _kong.EffectivePlugin(r, "jwt")).OfType<JsonObject>().ToList();

        Assert.NotEmpty(configurations);
        Assert.All(configurations, jwt =>
        {
            Assert.Equal("iss", jwt["key_claim_name"]!.GetValue<string>());
            Assert.Contains("exp", jwt["claims_to_verify"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.Empty(jwt["uri_param_names"]!.AsArray());
        });
    }

    [Fact]
    public void The_edge_rate_limit_is_100_a_minute_per_ip_and_only_routes_the_api_does_not_limit_may_allow_more()
    {
        var global = _kong.GlobalPlugin("rate-limiting")!;
        Assert.Equal(100, global["minute"]!.GetValue<long>());
        Assert.Equal("ip", global["limit_by"]!.GetValue<string>());
        Assert.Equal("local", global["policy"]!.GetValue<string>());

        // Which Kong routes carry only endpoints that the API itself exempts from its rate limits (signed file links).
        var exemptByRoute = MappedEndpoints()
            .Select(e => (Route: _kong.Match(e.Method, e.Path)?.Name, Exempt: e.Endpoint.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null))
            .Where(e => e.Route is not null)
            .GroupBy(e => e.Route!)
            .ToDictionary(g => g.Key, g => g.All(e => e.Exempt));

        foreach (var route in _kong.Routes)
        {
            var limit = _kong.EffectivePlugin(route, "rate-limiting");
            Assert.True(limit is not null, $"Route {route.Name} has no edge rate limit.");
            if (IsApiKeyRoute(route))
            {
                // Per key, at the edge: never below the largest limit the API lets a key have (it meters each key itself).
                Assert.Equal("header", limit["limit_by"]!.GetValue<string>());
                Assert.Equal("X-Api-Key", limit["header_name"]!.GetValue<string>());
                Assert.True(limit["minute"]!.GetValue<long>() >= 10_000);
                continue;
            }

            Assert.Equal("ip", limit["limit_by"]!.GetValue<string>());
            if (!ReferenceEquals(limit, global))
            {
                Assert.True(exemptByRoute.GetValueOrDefault(route.Name),
                    $"Route {route.Name} overrides the edge limit of 100 a minute, but the API rate-limits what it carries.");
                Assert.True(limit["minute"]!.GetValue<long>() >= 100);
            }
        }

        Assert.Same(global, _kong.EffectivePlugin(_kong.Match("GET", "/api/v1/companies")!, "rate-limiting"));
        Assert.Same(global, _kong.EffectivePlugin(_kong.Match("POST", "/api/v1/auth/login")!, "rate-limiting"));
    }

    [Fact]
    public void Request_bodies_are_limited_to_10_mb_except_uploads_which_take_one_file_of_the_apis_largest_size()
    {
        // The API streams each file and stops at its largest per-type size, allowing 1 MiB of multipart framing per file.
        var limits = factory.Services.GetRequiredService<IOptions<AssetLimitOptions>>().Value;
        var largestUploadMegabytes = (limits.MaxAnyFileBytes + (1024 * 1024)) / (1024 * 1024);

        foreach (var route in _kong.Routes)
        {
            var limit = _kong.EffectivePlugin(route, "request-size-limiting")!;
            Assert.Equal("megabytes", limit["size_unit"]?.GetValue<string>() ?? "megabytes");
            Assert.Equal(route.Name is "asset-upload" or "api-key-asset-upload" ? largestUploadMegabytes : 10, limit["allowed_payload_size"]!.GetValue<long>());
        }

        Assert.Equal("asset-upload", _kong.Match("POST", "/api/v1/onboarding/assets/upload")!.Name);
        var upload = _kong.Route("asset-upload");
        // Streamed to the API, and judged by Content-Length alone, so that Kong never holds a 1 GiB body.
        Assert.False(upload.Node["request_buffering"]!.GetValue<bool>());
        Assert.True(_kong.EffectivePlugin(upload, "request-size-limiting")!["require_content_length"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Kongs_correlation_id_is_the_header_the_api_echoes_and_its_values_survive_the_api()
    {
        var correlation = _kong.GlobalPlugin("correlation-id")!;
        Assert.Equal("X-Correlation-ID", correlation["header_name"]!.GetValue<string>());
        Assert.True(correlation["echo_downstream"]!.GetValue<bool>());
        // A value of the configured generator's shape must be kept by the API, or the API's logs lose Kong's id.
        var sample = correlation["generator"]!.GetValue<string>() switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "uuid#counter" => $"{Guid.NewGuid()}#1",
            var other => throw new Xunit.Sdk.XunitException($"No sample for correlation-id generator '{other}'."),
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-ID", sample);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(sample, response.Headers.GetValues("X-Correlation-ID").Single());
    }

    [Fact]
    public void Cors_allows_the_spa_origin_and_the_headers_the_api_uses()
    {
        var cors = _kong.GlobalPlugin("cors")!;
        var headers = cors["headers"]!.AsArray().Select(h => h!.GetValue<string>()).ToList();

        Assert.Equal(["__PUBLIC_BASE_URL__"], cors["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Contains("Authorization", headers);
        Assert.Contains("Idempotency-Key", headers);
        Assert.Contains("X-Correlation-ID", cors["exposed_headers"]!.AsArray().Select(h => h!.GetValue<string>()));
    }

    [Fact]
    public void Every_route_goes_to_the_api_service_without_rewriting_the_path()
    {
        var service = _kong.Root["services"]!.AsArray().Single()!;

        Assert.Equal("http://api:8080", service["url"]!.GetValue<string>());
        Assert.All(_kong.Routes, route => Assert.False(route.Node["strip_path"]!.GetValue<bool>(), $"{route.Name} strips its path"));
    }

    [Fact]
    public async Task Every_operation_open_to_api_keys_reaches_the_api_with_a_key_and_no_token_and_keeps_its_route_settings()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var key = new Dictionary<string, string> { ["X-Api-Key"] = "ba_live_" + new string('a', 20) + new string('Z', 23) };
        var open = 0;
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(p => OperationMethods.Contains(p.Key)))
            {
                var keys = operation!["security"] is JsonArray security && security.Any(s => s!.AsObject().ContainsKey("ApiKey"));
                var route = _kong.Match(method.ToUpperInvariant(), Concrete(template), key)!;
                var tokenRoute = _kong.Match(method.ToUpperInvariant(), Concrete(template))!;
                if (!keys)
                {
                    continue;
                }

                open++;
                Assert.True(IsApiKeyRoute(route), $"{method} {template} with a key lands on {route.Name}.");
                Assert.Null(_kong.EffectivePlugin(route, "jwt"));
                Assert.Equal(tokenRoute.Node["request_buffering"]?.GetValue<bool>(), route.Node["request_buffering"]?.GetValue<bool>());
                Assert.Equal(tokenRoute.Node["response_buffering"]?.GetValue<bool>(), route.Node["response_buffering"]?.GetValue<bool>());
            }
        }

        Assert.True(open >= 10, $"Only {open} operations accept API keys.");
    }

    [Theory]
    [InlineData("X-Api-Key", "not-a-key")]
    [InlineData("X-Api-Key", "ba_live_short")]
    [InlineData("X-Other", "ba_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Authorization", "Bearer ba_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Anything_but_a_key_shaped_x_api_key_still_meets_the_jwt_check(string header, string value)
    {
        var route = _kong.Match("GET", "/api/v1/companies", new Dictionary<string, string> { [header] = value })!;

        Assert.Equal("api", route.Name);
        Assert.NotNull(_kong.EffectivePlugin(route, "jwt"));
    }

    private static bool IsApiKeyRoute(KongRoute route) => route.Node["headers"] is JsonObject headers && headers.ContainsKey("x-api-key");

    private void Judge(string operation, string method, string path, bool requiresAuthentication, List<string> failures)
    {
        var route = _kong.Match(method, path);
        if (route is null)
        {
            failures.Add($"{operation}: no Kong route matches {method} {path}.");
            return;
        }

        var hasJwt = _kong.EffectivePlugin(route, "jwt") is not null;
        if (hasJwt != requiresAuthentication)
        {
            failures.Add(requiresAuthentication
                ? $"{operation}: the API requires a token, but Kong route '{route.Name}' has no jwt plugin."
                : $"{operation}: the API allows anonymous calls, but Kong route '{route.Name}' requires a token.");
        }
    }

    /// <summary>
    /// Every endpoint the API maps, with each of its methods and a concrete request path. The SPA's fallback (the
    /// lowest-order catch-all) is left out: it has no path of its own, and the SPA's routes are checked above.
    /// </summary>
    private List<(RouteEndpoint Endpoint, string Method, string Path)> MappedEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Order != int.MaxValue)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"])
                .Select(method => (endpoint, method, Concrete("/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/')))))
            .ToList();

    /// <summary>A request path for a templated path: each {parameter} (with any constraint) becomes a sample value.</summary>
    private static string Concrete(string template) =>
        Parameter().Replace(template, match => match switch
        {
            _ when match.Groups["catchAll"].Success => "tenant-3f2504e0/assets/logo.png",
            _ when match.Groups["constraint"].Value is "int" or "long" => "42",
            _ => "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        });

    [GeneratedRegex(@"\{(?<catchAll>\*\*?)?(?<name>[^}:?=*]+)(?::(?<constraint>[a-z]+)[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
