using System.Globalization;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// TikTok's refresh grant (Login Kit v2, <c>POST /v2/oauth/token/</c>): the client is <c>client_key</c>, and a refused
/// refresh can come back as a 200 whose body is <c>{"error": "invalid_grant", "error_description": ...}</c>, so the body
/// decides, not only the status. A refresh may hand out a new refresh token; the old one stays valid until it expires.
/// </summary>
internal static class TikTokTokens
{
    public static async Task<TokenRefreshOutcome> RefreshAsync(
        HttpClient http, PlatformEndpointOptions endpoint, string refreshToken, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_key"] = endpoint.ClientId ?? "",
                ["client_secret"] = endpoint.ClientSecret ?? "",
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
            }),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken) as JsonObject;
        var access = PlatformHttp.String(body?["access_token"]);
        if ((int)response.StatusCode is >= 400 and < 500 || (response.IsSuccessStatusCode && string.IsNullOrEmpty(access) && body?["error"] is JsonValue))
        {
            return new TokenRefreshOutcome(null, PlatformHttp.String(body?["error"]) ?? $"http_{(int)response.StatusCode}",
                PlatformHttp.String(body?["error_description"]));
        }

        response.EnsureSuccessStatusCode();
        if (string.IsNullOrEmpty(access))
        {
            return new TokenRefreshOutcome(null, "invalid_response", "TikTok answered the refresh without an access token.");
        }

        var expires = long.TryParse(PlatformHttp.String(body?["expires_in"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? clock.GetUtcNow().AddSeconds(seconds)
            : (DateTimeOffset?)null;
        return new TokenRefreshOutcome(new RefreshedTokens(access, PlatformHttp.String(body?["refresh_token"]) is { Length: > 0 } next ? next : refreshToken, expires));
    }
}
