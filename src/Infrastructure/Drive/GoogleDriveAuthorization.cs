using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Drive;
using BrandAutomator.Application.Social;
using BrandAutomator.Infrastructure.Publishing;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Drive;

/// <summary>
/// Google's OAuth 2.0 endpoints for Drive (authorisation code with PKCE, RFC 7636; refresh_token grant), asking for
/// offline access so a refresh token comes back, and Drive's <c>about</c> for the account's address. Client
/// credentials go in the form, tokens in headers, never in a URL.
/// </summary>
public sealed class GoogleDriveAuthorization(HttpClient http, IOptions<GoogleDriveOptions> options, TimeProvider clock) : IDriveAuthorizationServer
{
    private const string Google = "Google";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.ClientId);

    public Uri AuthorizationUrl(string state, string codeChallenge, string redirectUri)
    {
        var o = options.Value;
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = o.ClientId!,
            ["redirect_uri"] = redirectUri,
            ["scope"] = o.Scope,
            ["state"] = state,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
            // A refresh token only comes with offline access, and again only when consent is asked again.
            ["access_type"] = "offline",
            ["prompt"] = "consent",
            ["include_granted_scopes"] = "true",
        };
        var separator = o.AuthorizeUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri(o.AuthorizeUrl + separator + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
    }

    public async Task<OAuthTokens> ExchangeCodeAsync(string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken)
    {
        var body = await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }, "the authorisation code", cancellationToken);
        var access = PlatformHttp.String(body?["access_token"]);
        if (body is null || string.IsNullOrEmpty(access))
        {
            throw new OAuthProviderException("Google answered the authorisation code without an access token.");
        }

        return new OAuthTokens(access, PlatformHttp.String(body["refresh_token"]) is { Length: > 0 } r ? r : null, ExpiresAt(body));
    }

    public async Task<string> AccountAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{options.Value.ApiBaseUrl.TrimEnd('/')}/drive/v3/about?fields=user");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken) as JsonObject;
            if (!response.IsSuccessStatusCode)
            {
                throw new OAuthProviderException($"Google Drive refused to say whose Drive this is ({(int)response.StatusCode}).");
            }

            var user = body?["user"];
            return PlatformHttp.String(user?["emailAddress"]) ?? PlatformHttp.String(user?["displayName"]) ?? "Google account";
        }
        catch (HttpRequestException e)
        {
            throw new OAuthProviderException("Google Drive could not be reached.", e);
        }
    }

    public async Task<TokenRefreshOutcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.TokenUrl)
        {
            Content = new FormUrlEncodedContent(WithClient(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken })),
        };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ExternalServiceException(Google, "Google could not be reached to renew the Drive access. The next try comes in a moment.", e);
        }

        using var owned = response;
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken) as JsonObject;
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            return new TokenRefreshOutcome(null, PlatformHttp.String(body?["error"]) ?? $"http_{(int)response.StatusCode}",
                PlatformHttp.String(body?["error_description"]));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ExternalServiceException(Google, $"Google could not renew the Drive access just now (HTTP {(int)response.StatusCode}). The next try comes in a moment.");
        }

        var access = PlatformHttp.String(body?["access_token"]);
        return string.IsNullOrEmpty(access)
            ? new TokenRefreshOutcome(null, "invalid_response", "The token endpoint answered without an access token.")
            : new TokenRefreshOutcome(new RefreshedTokens(access, PlatformHttp.String(body!["refresh_token"]), ExpiresAt(body)));
    }

    private async Task<JsonObject?> TokenAsync(Dictionary<string, string> form, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.TokenUrl) { Content = new FormUrlEncodedContent(WithClient(form)) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken) as JsonObject;
            if (!response.IsSuccessStatusCode)
            {
                var error = PlatformHttp.String(body?["error"]);
                throw new OAuthProviderException($"{Google} refused {what} ({(int)response.StatusCode}{(error is null ? "" : $": {error}")}).");
            }

            return body;
        }
        catch (HttpRequestException e)
        {
            throw new OAuthProviderException($"{Google} could not be reached for {what}.", e);
        }
    }

    private Dictionary<string, string> WithClient(Dictionary<string, string> form)
    {
        form["client_id"] = options.Value.ClientId ?? "";
        if (options.Value.ClientSecret is { Length: > 0 } secret)
        {
            form["client_secret"] = secret;
        }

        return form;
    }

    private DateTimeOffset? ExpiresAt(JsonObject body) =>
        long.TryParse(PlatformHttp.String(body["expires_in"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? clock.GetUtcNow().AddSeconds(seconds)
            : null;
}
