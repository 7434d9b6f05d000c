using System.Security.Claims;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Security;

namespace BrandAutomator.WebApi.Security;

/// <summary>The caller as the verified access token describes them, and where the request comes from.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser, IRequestInfo
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true && Guid.TryParse(Claim(TokenClaims.TenantId), out _);

    public Guid UserId => Guid.Parse(Required("sub"));

    public Guid TenantId => Guid.Parse(Required(TokenClaims.TenantId));

    public TenantRole Role => TenantRoles.TryParse(Claim(TokenClaims.Role), out var role) ? role : TenantRole.Viewer;

    public string Email => Claim("email") ?? "";

    public Guid SessionId => Guid.TryParse(Claim(TokenClaims.SessionId), out var id) ? id : Guid.Empty;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;

    private string? Claim(string type) => User?.FindFirstValue(type);

    private string Required(string type) => Claim(type) ?? throw new InvalidOperationException($"The access token has no '{type}' claim.");
}
