using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace BrandAutomator.Sdk;

/// <summary>Sends a workspace API key (<c>ba_live_...</c>) in the <c>X-Api-Key</c> header of every request.</summary>
public sealed class ApiKeyAuthentication : IAuthenticationProvider
{
    public const string Header = "X-Api-Key";

    private readonly string _apiKey;

    public ApiKeyAuthentication(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _apiKey = apiKey;
    }

    public Task AuthenticateRequestAsync(
        RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(Header);
        request.Headers.Add(Header, _apiKey);
        return Task.CompletedTask;
    }
}
