using BrandAutomator.Sdk.Client;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace BrandAutomator.Sdk;

/// <summary>Makes API clients that authenticate with a workspace API key.</summary>
public static class BrandAutomatorClients
{
    /// <summary>
    /// A client for the API at <paramref name="baseUrl"/> (e.g. https://app.example.com), sending <paramref name="apiKey"/>
    /// in <c>X-Api-Key</c>. Pass your own <paramref name="httpClient"/> to control its lifetime, proxy or handlers.
    /// </summary>
    public static BrandAutomatorApiClient Create(Uri baseUrl, string apiKey, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var adapter = new HttpClientRequestAdapter(new ApiKeyAuthentication(apiKey), httpClient: httpClient)
        {
            BaseUrl = baseUrl.GetLeftPart(UriPartial.Authority),
        };
        return new BrandAutomatorApiClient(adapter);
    }

    /// <summary>A fresh <c>Idempotency-Key</c> value: send the same one again to repeat a create safely.</summary>
    public static string NewIdempotencyKey() => Guid.NewGuid().ToString();
}
