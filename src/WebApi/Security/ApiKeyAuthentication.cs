using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using BrandAutomator.Domain.ApiKeys;
using BrandAutomator.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace BrandAutomator.WebApi.Security;

/// <summary>
/// Workspace API keys: <c>Authorization: Bearer ba_live_…</c> or <c>X-Api-Key: ba_live_…</c>. The caller becomes a
/// service principal of the key's workspace (<c>sub</c> is the key's id, role editor) holding only the key's scopes,
/// which <see cref="ApiKeyScopeRequirement"/> checks against what the endpoint allows keys to do.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The default scheme: picks the API key scheme when the request carries a key, the session token one otherwise.</summary>
    public const string SelectorScheme = "SessionOrApiKey";

    public const string HeaderName = "X-Api-Key";

    /// <summary>Claim that marks a principal as an API key (its value: the key's name).</summary>
    public const string KeyNameClaim = "api_key";

    public const string ScopeClaim = "scope";

    /// <summary>The key's requests a minute, for the rate limiter.</summary>
    public const string RateClaim = "api_key_rpm";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null)
            .AddPolicyScheme(SelectorScheme, null, options => options.ForwardDefaultSelector = context =>
                PresentedSecret(context.Request) is not null ? Scheme : JwtBearerDefaults.AuthenticationScheme);
        // Registered after AddAuthentication(JwtBearer...): this default wins, and forwards session tokens there unchanged.
        services.Configure<AuthenticationOptions>(options => options.DefaultScheme = options.DefaultAuthenticateScheme =
            options.DefaultChallengeScheme = options.DefaultForbidScheme = SelectorScheme);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ApiKeyScopeHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiKeyForbiddenResults>();
        return services;
    }

    public static bool IsApiKey(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == KeyNameClaim);

    /// <summary>The key the request presents, if it presents one (the header, or a bearer value with the key prefix).</summary>
    public static string? PresentedSecret(HttpRequest request)
    {
        if (request.Headers[HeaderName] is { Count: 1 } header && !string.IsNullOrEmpty(header[0]))
        {
            return header[0]!.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) &&
               authorization.AsSpan(bearer.Length).TrimStart().StartsWith(ApiKey.SecretPrefix, StringComparison.Ordinal)
            ? authorization[bearer.Length..].Trim()
            : null;
    }

    public static string ScopeValue(ApiScope scope) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(scope.ToString());

    internal static ClaimsPrincipal PrincipalFor(VerifiedApiKey key)
    {
        var claims = new List<Claim>
        {
            new("sub", key.KeyId.ToString()),
            new(TokenClaims.TenantId, key.TenantId.ToString()),
            new(TokenClaims.Role, "editor"),
            new(KeyNameClaim, key.Name),
            new(RateClaim, key.RequestsPerMinute.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(key.Scopes.Select(scope => new Claim(ScopeClaim, ScopeValue(scope))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, "sub", TokenClaims.Role));
    }
}

/// <summary>Verifies a presented key (<see cref="ApiKeyVerifier"/>) and notes its use; never logs or echoes the secret.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyVerifier verifier, ApiKeyUsage usage)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Refused = "The API key is not valid, or has been revoked or has expired.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyAuthentication.PresentedSecret(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        if (await verifier.VerifyAsync(secret, Context.RequestAborted) is not { } key)
        {
            return AuthenticateResult.Fail(Refused);
        }

        usage.Note(key.KeyId, Context.Connection.RemoteIpAddress?.ToString());
        return AuthenticateResult.Success(new AuthenticationTicket(ApiKeyAuthentication.PrincipalFor(key), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{Refused}\"";
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 401, Title = "Unauthorized.", Detail = Refused },
        });
    }
}
