using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrandAutomator.Infrastructure.Security;

/// <summary>RS256 access tokens with <c>kid</c>, <c>sub</c>, <c>tid</c>, <c>role</c>, <c>email</c> and the session id <c>sid</c>.</summary>
public sealed class JwtAccessTokenIssuer(SigningKeys keys, IOptions<JwtOptions> options, TimeProvider clock) : IAccessTokenIssuer
{
    private static readonly JsonWebTokenHandler Handler = new();

    public AccessToken Issue(AccessTokenSubject subject)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject.UserId.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [JwtRegisteredClaimNames.Email] = subject.Email,
                [JwtRegisteredClaimNames.Name] = subject.FullName,
                [TokenClaims.TenantId] = subject.TenantId.ToString(),
                [TokenClaims.Role] = subject.Role.ToClaimValue(),
                [TokenClaims.SessionId] = subject.SessionId.ToString(),
            },
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }
}

public static class TokenClaims
{
    public const string TenantId = "tid";
    public const string Role = "role";
    public const string SessionId = "sid";
}
