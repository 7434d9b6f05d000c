using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BrandAutomator.WebApi.Security;

public static class AuthenticationSetup
{
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<HttpCurrentUser>());
        services.AddScoped<IRequestInfo>(sp => sp.GetRequiredService<HttpCurrentUser>());

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeys, IOptions<JwtOptions>, TimeProvider>((bearer, keys, jwt, clock) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKeys = keys.ValidationKeys,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = TokenClaims.Role,
                    // The clock that issued the token judges its lifetime (the same TimeProvider: a pinned test clock too).
                    LifetimeValidator = (notBefore, expires, _, parameters) => WithinLifetime(notBefore, expires, parameters.ClockSkew, clock),
                };
                bearer.Events = new JwtBearerEvents { OnTokenValidated = SessionCheck.RefuseEndedAsync, OnChallenge = SessionCheck.ExplainAsync };
            });
        services.AddAuthorizationBuilder().AddTenantPolicies();
        return services;
    }

    /// <summary>Whether the token's lifetime holds now, with the validation's clock skew either side.</summary>
    public static bool WithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } end && now - skew < end.ToUniversalTime() && (notBefore is not { } start || start.ToUniversalTime() <= now + skew);
    }

    /// <summary>After authentication: the scope's tenant is the one in the verified token, and nothing else.</summary>
    public static IApplicationBuilder UseTenantFromToken(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true &&
                Guid.TryParse(context.User.FindFirst(TokenClaims.TenantId)?.Value, out var tenantId))
            {
                context.RequestServices.GetRequiredService<ITenantContext>().Use(tenantId);
            }

            await next(context);
        });
}
