using System.Net.Http.Headers;
using System.Text;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// The OAuth 2.0 refresh_token grant (RFC 6749 section 6) against each network's configured token endpoint. X wants the
/// client credentials as HTTP Basic (so does Pinterest); the others take them in the form. A 4xx answer means the refresh token is no good.
/// Bluesky's sessions are renewed their own way (<see cref="BlueskySessionClient"/>).
/// </summary>
public sealed class OAuthTokenRefresher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ITokenRefresher
{
    public async Task<TokenRefreshOutcome> TryRefreshAsync(SocialPlatform platform, string refreshToken, CancellationToken cancellationToken)
    {
        if (platform == SocialPlatform.Bluesky)
        {
            // Not OAuth: an AT Protocol session renews itself with its refresh JWT.
            return await BlueskySessionClient.RefreshAsync(http, options.Value, refreshToken, cancellationToken);
        }

        var endpoint = options.Value.For(platform);
        if (platform == SocialPlatform.Threads && !string.IsNullOrWhiteSpace(endpoint.TokenUrl))
        {
            return await ThreadsTokens.RefreshAsync(http, endpoint, refreshToken, clock, cancellationToken);
        }

        if (platform == SocialPlatform.TikTok && !string.IsNullOrWhiteSpace(endpoint.TokenUrl))
        {
            return await TikTokTokens.RefreshAsync(http, endpoint, refreshToken, clock, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(endpoint.TokenUrl))
        {
            return new TokenRefreshOutcome(null, "unsupported", $"{platform.DisplayName()} has no token endpoint configured.");
        }

        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.TokenUrl);
        if (OAuthAuthorizationServer.UsesBasicClientAuth(platform) && endpoint.ClientSecret is { Length: > 0 })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{endpoint.ClientId}:{endpoint.ClientSecret}")));
        }
        else
        {
            if (endpoint.ClientId is { Length: > 0 } id)
            {
                form["client_id"] = id;
            }

            if (endpoint.ClientSecret is { Length: > 0 } secret)
            {
                form["client_secret"] = secret;
            }
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await http.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            // RFC 6749 section 5.2: {"error": "invalid_grant", "error_description": "..."}.
            var error = await PlatformHttp.ReadJsonAsync(response, cancellationToken) as System.Text.Json.Nodes.JsonObject;
            return new TokenRefreshOutcome(null, PlatformHttp.String(error?["error"]) ?? $"http_{(int)response.StatusCode}",
                PlatformHttp.String(error?["error_description"]));
        }

        response.EnsureSuccessStatusCode();
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        var access = PlatformHttp.String(body?["access_token"]);
        if (string.IsNullOrEmpty(access))
        {
            return new TokenRefreshOutcome(null, "invalid_response", "The token endpoint answered without an access token.");
        }

        var expiresIn = body?["expires_in"] is { } e && long.TryParse(PlatformHttp.String(e), out var seconds) ? seconds : (long?)null;
        return new TokenRefreshOutcome(new RefreshedTokens(access, PlatformHttp.String(body?["refresh_token"]),
            expiresIn is { } s ? clock.GetUtcNow().AddSeconds(s) : null));
    }
}
