namespace BrandAutomator.Application.Common.Ports;

/// <summary>
/// Forgets what this node remembers about an API key, so that a revoked key is refused at its next request here;
/// other nodes follow within the access check's lifetime (<c>Jwt:SessionCheckSeconds</c>). Call after the change is saved.
/// </summary>
public interface IApiKeyRevocation
{
    void KeyRevoked(string secretHash);
}
