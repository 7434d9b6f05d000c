using System.Globalization;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Social;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// Threads' tokens (developers.facebook.com/docs/threads/get-started/long-lived-tokens): the code gives a token of an
/// hour; <c>GET /access_token?grant_type=th_exchange_token</c> makes it a long-lived one (60 days), and
/// <c>GET /refresh_access_token?grant_type=th_refresh_token</c> renews a long-lived token with itself: there is no
/// refresh token, so the connection keeps the long-lived token as its own refresh token. Both are GETs as documented.
/// </summary>
internal static class ThreadsTokens
{
    /// <summary>graph.threads.net: where <c>oauth/access_token</c> lives, so the exchange and refresh are found beside it.</summary>
    private static string Root(PlatformEndpointOptions endpoint)
    {
        var token = endpoint.TokenUrl ?? "";
        var at = token.IndexOf("/oauth/access_token", StringComparison.Ordinal);
        return at > 0 ? token[..at] : new Uri(token).GetLeftPart(UriPartial.Authority);
    }

    public static async Task<OAuthTokens> LongLivedAsync(HttpClient http, PlatformEndpointOptions endpoint, OAuthTokens shortLived, TimeProvider clock, CancellationToken cancellationToken)
    {
        var url = $"{Root(endpoint)}/access_token?grant_type=th_exchange_token&client_secret={Uri.EscapeDataString(endpoint.ClientSecret ?? "")}" +
                  $"&access_token={Uri.EscapeDataString(shortLived.AccessToken)}";
        using var response = await http.GetAsync(url, cancellationToken);
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        var access = PlatformHttp.String(body?["access_token"]);
        if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(access))
        {
            throw new OAuthProviderException($"Threads did not give a long-lived token ({PlatformHttp.Message(body) ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}).");
        }

        return new OAuthTokens(access, access, Expiry(body, clock));
    }

    public static async Task<TokenRefreshOutcome> RefreshAsync(HttpClient http, PlatformEndpointOptions endpoint, string longLived, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            $"{Root(endpoint)}/refresh_access_token?grant_type=th_refresh_token&access_token={Uri.EscapeDataString(longLived)}", cancellationToken);
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            // An expired or revoked token (Graph error 190) cannot renew itself: the grant is gone.
            var code = body?["error"] is JsonObject error ? PlatformHttp.String(error["code"]) : null;
            return new TokenRefreshOutcome(null, code == "190" ? "invalid_grant" : $"http_{(int)response.StatusCode}", PlatformHttp.Message(body));
        }

        response.EnsureSuccessStatusCode();
        var access = PlatformHttp.String(body?["access_token"]);
        return string.IsNullOrEmpty(access)
            ? new TokenRefreshOutcome(null, "invalid_response", "Threads answered the refresh without a token.")
            : new TokenRefreshOutcome(new RefreshedTokens(access, access, Expiry(body, clock)));
    }

    /// <summary>The one profile a Threads token speaks for (<c>GET /me?fields=id,username</c>).</summary>
    public static List<DiscoveredAccount> Account(JsonObject me)
    {
        var id = PlatformHttp.String(me["id"]);
        var username = PlatformHttp.String(me["username"]);
        return string.IsNullOrEmpty(id)
            ? []
            : [new DiscoveredAccount(id, username is { Length: > 0 } ? "@" + username : id, username is { Length: > 0 } ? $"https://www.threads.net/@{username}" : null)];
    }

    private static DateTimeOffset? Expiry(JsonNode? body, TimeProvider clock) =>
        long.TryParse(PlatformHttp.String(body?["expires_in"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? clock.GetUtcNow().AddSeconds(seconds)
            : null;
}
