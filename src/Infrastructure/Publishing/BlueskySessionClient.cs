using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// Bluesky sessions over XRPC: <c>com.atproto.server.createSession</c> with an identifier and an app password, and
/// <c>com.atproto.server.refreshSession</c> with the refresh JWT as the bearer (not an OAuth refresh grant). Both answer
/// <c>{ did, handle, accessJwt, refreshJwt }</c>; the access JWT's own <c>exp</c> says when it runs out.
/// </summary>
public sealed class BlueskySessionClient(HttpClient http, IOptions<PlatformOptions> options) : IBlueskySessions
{
    public async Task<BlueskySignIn> CreateSessionAsync(string identifier, string appPassword, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Xrpc(options.Value, "com.atproto.server.createSession"))
        {
            Content = JsonContent.Create(new { identifier, password = appPassword }),
        };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ExternalServiceException("Bluesky", "Bluesky could not be reached; try again in a moment.", e);
        }

        using (response)
        {
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if ((int)response.StatusCode is >= 400 and < 500 and not 429)
            {
                // 401 AuthenticationRequired "Invalid identifier or password"; AuthFactorTokenRequired for e-mail codes.
                return new BlueskySignIn(null, PlatformHttp.Message(body) ?? PlatformHttp.AtProtoError(body) ?? $"{(int)response.StatusCode}");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ExternalServiceException("Bluesky", $"Bluesky is not taking sign-ins right now ({(int)response.StatusCode}); try again in a moment.");
            }

            return new BlueskySignIn(Session(body) ?? throw new ExternalServiceException("Bluesky", "Bluesky answered the sign-in without a session."), null);
        }
    }

    /// <summary>Renews a session; a refused refresh JWT (expired, revoked) is reported as <c>invalid_grant</c>, as OAuth would.</summary>
    internal static async Task<TokenRefreshOutcome> RefreshAsync(HttpClient http, PlatformOptions options, string refreshJwt, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Xrpc(options, "com.atproto.server.refreshSession"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshJwt);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 500 and not 429)
        {
            var error = PlatformHttp.AtProtoError(body);
            return new TokenRefreshOutcome(null, error is "ExpiredToken" or "InvalidToken" or "AccountTakedown" ? "invalid_grant" : error ?? $"http_{(int)response.StatusCode}",
                PlatformHttp.Message(body));
        }

        response.EnsureSuccessStatusCode();
        return Session(body) is { } session
            ? new TokenRefreshOutcome(new RefreshedTokens(session.AccessJwt, session.RefreshJwt, session.AccessExpiresAt))
            : new TokenRefreshOutcome(null, "invalid_response", "Bluesky answered the refresh without a session.");
    }

    internal static Uri Xrpc(PlatformOptions options, string method) => PlatformHttp.Url(options.Bluesky.BaseUrl, "xrpc/" + method);

    private static BlueskySession? Session(JsonNode? body)
    {
        var did = PlatformHttp.String(body?["did"]);
        var access = PlatformHttp.String(body?["accessJwt"]);
        var refresh = PlatformHttp.String(body?["refreshJwt"]);
        return string.IsNullOrEmpty(did) || string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh)
            ? null
            : new BlueskySession(did, PlatformHttp.String(body?["handle"]) ?? did, access, refresh, Expiry(access));
    }

    /// <summary>The <c>exp</c> claim of a JWT (read, not verified: it only says when to renew); null when there is none.</summary>
    internal static DateTimeOffset? Expiry(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            var claims = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return claims?["exp"] is JsonValue exp && exp.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
