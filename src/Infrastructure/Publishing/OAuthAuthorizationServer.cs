using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// OAuth 2.0 authorisation code with PKCE (RFC 6749, RFC 7636) against each network's configured endpoints, and each
/// network's own way of saying who the token speaks for: LinkedIn <c>/v2/userinfo</c> (OpenID Connect), X
/// <c>/2/users/me</c>, the Graph API's <c>/me/accounts</c> (Pages with their Page tokens; Instagram business accounts
/// linked to them, after exchanging the user token for a long-lived one), Google's <c>accounts</c> and their
/// <c>locations</c>, Pinterest's <c>user_account</c>, YouTube's own channel, TikTok's <c>user/info</c>. Token requests are form-encoded; X and Pinterest take the
/// client credentials as HTTP Basic, the others in the form. Tokens travel in headers, never in a URL (URLs are logged).
/// </summary>
public sealed class OAuthAuthorizationServer(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialAuthorizationServer
{
    public bool IsConfigured(SocialPlatform platform)
    {
        if (platform == SocialPlatform.Bluesky)
        {
            // Signed in with a handle and an app password: nothing to register at Bluesky first.
            return !string.IsNullOrWhiteSpace(options.Value.Bluesky.BaseUrl);
        }

        var endpoint = options.Value.For(platform);
        return !string.IsNullOrWhiteSpace(endpoint.ClientId) && !string.IsNullOrWhiteSpace(endpoint.AuthorizeUrl) &&
               !string.IsNullOrWhiteSpace(endpoint.TokenUrl) && !string.IsNullOrWhiteSpace(endpoint.AccountUrl);
    }

    public Uri AuthorizationUrl(SocialPlatform platform, string state, string codeChallenge, string redirectUri)
    {
        var endpoint = options.Value.For(platform);
        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new(ClientIdName(platform), endpoint.ClientId!),
            new("redirect_uri", redirectUri),
            new("scope", endpoint.Scopes ?? ""),
            new("state", state),
        };
        if (SupportsPkce(platform))
        {
            query.Add(new("code_challenge", codeChallenge));
            query.Add(new("code_challenge_method", "S256"));
        }

        if (platform is SocialPlatform.GoogleBusiness or SocialPlatform.YouTube)
        {
            // Google only issues a refresh token for offline access, and again only when consent is asked again.
            query.Add(new("access_type", "offline"));
            query.Add(new("prompt", "consent"));
        }

        var separator = endpoint.AuthorizeUrl!.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri(endpoint.AuthorizeUrl + separator +
                       string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
    }

    public async Task<OAuthTokens> ExchangeCodeAsync(
        SocialPlatform platform, string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.For(platform);
        var network = platform.DisplayName();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            [ClientIdName(platform)] = endpoint.ClientId ?? "",
        };
        if (SupportsPkce(platform))
        {
            form["code_verifier"] = codeVerifier;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.TokenUrl);
        if (UsesBasicClientAuth(platform) && endpoint.ClientSecret is { Length: > 0 })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(endpoint.ClientId ?? "")}:{Uri.EscapeDataString(endpoint.ClientSecret)}")));
        }
        else if (endpoint.ClientSecret is { Length: > 0 } secret)
        {
            form["client_secret"] = secret;
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var body = await SendAsync(request, network, "the authorisation code", cancellationToken);
        var access = PlatformHttp.String(body["access_token"]);
        if (string.IsNullOrEmpty(access))
        {
            // TikTok answers a refused code with a 200 and {"error": ..., "error_description": ...}.
            throw new OAuthProviderException($"{network} answered the authorisation code without an access token{Reason(body)}.");
        }

        var tokens = Tokens(body, access);
        return platform switch
        {
            SocialPlatform.Facebook or SocialPlatform.Instagram => await LongLivedAsync(platform, tokens, cancellationToken),
            SocialPlatform.Threads => await ThreadsTokens.LongLivedAsync(http, endpoint, tokens, clock, cancellationToken),
            _ => tokens,
        };
    }

    /// <summary>
    /// Facebook Login's code gives a user token of an hour or two, and Page tokens read with it expire with it: it is
    /// exchanged for a long-lived one (<c>grant_type=fb_exchange_token</c>), whose Page tokens do not expire.
    /// </summary>
    private async Task<OAuthTokens> LongLivedAsync(SocialPlatform platform, OAuthTokens shortLived, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.For(platform);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.TokenUrl)
        {
            // In the body, not the query: URLs are logged, and these are a token and the client secret.
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "fb_exchange_token",
                ["client_id"] = endpoint.ClientId ?? "",
                ["client_secret"] = endpoint.ClientSecret ?? "",
                ["fb_exchange_token"] = shortLived.AccessToken,
            }),
        };
        var body = await SendAsync(request, platform.DisplayName(), "the exchange for a long-lived token", cancellationToken);
        var access = PlatformHttp.String(body["access_token"]);
        return string.IsNullOrEmpty(access)
            ? throw new OAuthProviderException($"{platform.DisplayName()} answered the exchange for a long-lived token without one.")
            : Tokens(body, access);
    }

    /// <summary>
    /// Pinterest's OAuth and TikTok's Login Kit for the web have no PKCE: their authorisation code is bound to the client
    /// secret alone.
    /// </summary>
    internal static bool SupportsPkce(SocialPlatform platform) => platform is not (SocialPlatform.Pinterest or SocialPlatform.TikTok);

    /// <summary>TikTok calls the client id <c>client_key</c>.</summary>
    internal static string ClientIdName(SocialPlatform platform) => platform == SocialPlatform.TikTok ? "client_key" : "client_id";

    /// <summary>X and Pinterest take the client credentials as HTTP Basic at their token endpoint.</summary>
    internal static bool UsesBasicClientAuth(SocialPlatform platform) => platform is SocialPlatform.X or SocialPlatform.Pinterest;

    private OAuthTokens Tokens(JsonObject body, string access)
    {
        var expiresIn = long.TryParse(PlatformHttp.String(body["expires_in"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : (long?)null;
        return new OAuthTokens(access, PlatformHttp.String(body["refresh_token"]) is { Length: > 0 } r ? r : null,
            expiresIn is { } s ? clock.GetUtcNow().AddSeconds(s) : null)
        {
            // What the user granted (RFC 6749 5.1): LinkedIn's member post analytics need r_member_postAnalytics.
            Scopes = PlatformHttp.String(body["scope"]) is { Length: > 0 } granted ? granted : null,
        };
    }

    public async Task<IReadOnlyList<DiscoveredAccount>> DiscoverAccountsAsync(SocialPlatform platform, OAuthTokens tokens, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.For(platform);
        var network = platform.DisplayName();
        var accounts = platform switch
        {
            SocialPlatform.LinkedIn => NetworkAccounts.LinkedIn(await GetAsync(endpoint.AccountUrl!, tokens.AccessToken, network, cancellationToken)),
            SocialPlatform.X => NetworkAccounts.X(await GetAsync(endpoint.AccountUrl!, tokens.AccessToken, network, cancellationToken)),
            SocialPlatform.Facebook => NetworkAccounts.Pages(await GetAsync(
                WithQuery(endpoint.AccountUrl!, "fields=id,name,link,access_token"), tokens.AccessToken, network, cancellationToken)),
            SocialPlatform.Instagram => NetworkAccounts.InstagramAccounts(await GetAsync(
                WithQuery(endpoint.AccountUrl!, "fields=id,name,access_token,instagram_business_account%7Bid,username%7D"), tokens.AccessToken, network,
                cancellationToken)),
            SocialPlatform.GoogleBusiness => await GoogleAsync(endpoint.AccountUrl!, tokens.AccessToken, cancellationToken),
            SocialPlatform.Threads => ThreadsTokens.Account(await GetAsync(WithQuery(endpoint.AccountUrl!, "fields=id,username"), tokens.AccessToken, network, cancellationToken)),
            SocialPlatform.TikTok => NetworkAccounts.TikTok(await GetAsync(endpoint.AccountUrl!, tokens.AccessToken, network, cancellationToken)),
            SocialPlatform.YouTube => NetworkAccounts.YouTube(await GetAsync(endpoint.AccountUrl!, tokens.AccessToken, network, cancellationToken)),
            SocialPlatform.Pinterest => NetworkAccounts.Pinterest(await GetAsync(endpoint.AccountUrl!, tokens.AccessToken, network, cancellationToken)),
            _ => throw new ArgumentOutOfRangeException(nameof(platform)),
        };
        return accounts.Where(a => a.ExternalAccountId.Length is > 0 and <= SocialConnection.MaxAccountIdLength).ToList();
    }

    private async Task<List<DiscoveredAccount>> GoogleAsync(string accountsUrl, string token, CancellationToken cancellationToken)
    {
        const string network = "Google Business Profile";
        var accounts = (await GetAsync(accountsUrl, token, network, cancellationToken))["accounts"] as JsonArray ?? [];
        var found = new List<DiscoveredAccount>();
        foreach (var account in accounts.OfType<JsonObject>())
        {
            var name = PlatformHttp.String(account["name"]);
            if (name is not { Length: > 0 } || !name.StartsWith("accounts/", StringComparison.Ordinal))
            {
                continue;
            }

            var url = $"{options.Value.GoogleLocationsUrl.TrimEnd('/')}/{name}/locations?readMask=name,title,metadata&pageSize=100";
            var locations = (await GetAsync(url, token, network, cancellationToken))["locations"] as JsonArray ?? [];
            var before = found.Count;
            foreach (var location in locations.OfType<JsonObject>())
            {
                // Location names are "locations/{id}"; the v4 API (local posts) wants "accounts/{a}/locations/{id}".
                if (PlatformHttp.String(location["name"]) is { Length: > 0 } locationName && locationName.StartsWith("locations/", StringComparison.Ordinal))
                {
                    found.Add(new DiscoveredAccount($"{name}/{locationName}", PlatformHttp.String(location["title"]) ?? locationName,
                        PlatformHttp.String(location["metadata"]?["mapsUri"])));
                }
            }

            if (found.Count == before)
            {
                // An account without locations yet: connected as the account, where a location can be created.
                found.Add(new DiscoveredAccount(name, PlatformHttp.String(account["accountName"]) ?? name, null));
            }
        }

        return found;
    }

    private static string WithQuery(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private Task<JsonObject> GetAsync(string url, string token, string network, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync(request, network, "the account lookup", cancellationToken, dispose: true);
    }

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, string network, string what, CancellationToken cancellationToken, bool dispose = false)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken) as JsonObject;
            if (!response.IsSuccessStatusCode)
            {
                throw new OAuthProviderException($"{network} refused {what} ({(int)response.StatusCode}{Reason(body)}).");
            }

            return body ?? throw new OAuthProviderException($"{network} answered {what} with no JSON.");
        }
        catch (HttpRequestException e)
        {
            throw new OAuthProviderException($"{network} could not be reached for {what}.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OAuthProviderException($"{network} did not answer {what} in time.", e);
        }
        finally
        {
            if (dispose)
            {
                request.Dispose();
            }
        }
    }

    /// <summary>RFC 6749's <c>error</c> and <c>error_description</c>, or the network's own error message.</summary>
    private static string Reason(JsonObject? body)
    {
        if (body is null)
        {
            return "";
        }

        if (body["error"] is JsonValue error)
        {
            var description = PlatformHttp.String(body["error_description"]);
            return $": {PlatformHttp.String(error)}{(description is { Length: > 0 } ? $", {description}" : "")}";
        }

        return PlatformHttp.Message(body) is { Length: > 0 } message ? $": {message}" : "";
    }
}
