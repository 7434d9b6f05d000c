using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrandAutomator.Infrastructure.Identity;

/// <summary>
/// OpenID Connect, authorization code flow with PKCE (S256), state and nonce. The state is sealed with Data Protection
/// and carries the PKCE verifier, the nonce, the purpose and its expiry, so no server-side row is needed. The id_token
/// is validated against the provider's discovery document and JWKS: RS256 only, issuer, audience (our client id),
/// lifetime on the injected clock, and the nonce.
/// </summary>
public sealed class OpenIdConnectProviders(
    HttpClient http, IOptions<ExternalAuthenticationOptions> options, IOptions<EmailOptions> email, IDataProtectionProvider protection, TimeProvider clock)
    : IExternalIdentityProviders
{
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, (Metadata Metadata, DateTimeOffset FetchedAt)> Cache = new();
    private readonly IDataProtector _protector = protection.CreateProtector("BrandAutomator.Auth.ExternalLoginState.v1");

    public IReadOnlyList<(string Key, string Name)> Configured =>
        Providers().Where(p => p.Options.IsConfigured).Select(p => (p.Key, p.Name)).ToList();

    public async Task<ExternalAuthorization> StartAsync(string provider, ExternalLoginPurpose purpose, Guid? userId, CancellationToken cancellationToken)
    {
        var (key, _, settings) = Require(provider);
        var metadata = await MetadataAsync(settings, refresh: false, cancellationToken);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var nonce = Base64Url(RandomNumberGenerator.GetBytes(16));
        var state = _protector.Protect(JsonSerializer.Serialize(new SealedState(key, verifier, nonce, purpose, userId, clock.GetUtcNow() + StateLifetime)));
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = settings.ClientId!,
            ["redirect_uri"] = RedirectUri(key),
            ["scope"] = settings.Scopes,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        };
        var separator = metadata.AuthorizationEndpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new ExternalAuthorization(
            metadata.AuthorizationEndpoint + separator + string.Join('&', query.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}")), state);
    }

    public async Task<ExternalLoginResult> CompleteAsync(string provider, string code, string state, CancellationToken cancellationToken)
    {
        var (key, name, settings) = Require(provider);
        var sealedState = Unseal(state);
        if (sealedState is null || sealedState.Provider != key || sealedState.ExpiresAt <= clock.GetUtcNow())
        {
            throw InputValidationException.For("state", $"This sign-in with {name} took too long or did not start here. Try again.");
        }

        var metadata = await MetadataAsync(settings, refresh: false, cancellationToken);
        using var response = await http.PostAsync(metadata.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri(key),
            ["client_id"] = settings.ClientId!,
            ["client_secret"] = settings.ClientSecret!,
            ["code_verifier"] = sealedState.Verifier,
        }), cancellationToken);
        var tokens = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken) : null;
        if (string.IsNullOrEmpty(tokens?.IdToken))
        {
            throw InputValidationException.For("code", $"{name} did not confirm the sign-in. Try again.");
        }

        var validated = await ValidateAsync(tokens.IdToken, settings, metadata, cancellationToken);
        if (!validated.IsValid)
        {
            // The provider may have rotated its keys since they were read: once more with fresh ones.
            validated = await ValidateAsync(tokens.IdToken, settings, await MetadataAsync(settings, refresh: true, cancellationToken), cancellationToken);
        }

        var claims = validated.IsValid ? validated.Claims : null;
        if (claims is null || Claim(claims, "sub") is null || !Equals(Claim(claims, "nonce"), sealedState.Nonce))
        {
            throw InputValidationException.For("code", $"{name}'s answer could not be verified. Try again.");
        }

        var emailAddress = Claim(claims, "email");
        if (string.IsNullOrWhiteSpace(emailAddress))
        {
            throw InputValidationException.For("code", $"{name} did not share your e-mail address, which this product needs.");
        }

        // Google sends a JSON boolean, LinkedIn has sent the string "true": both count.
        var verified = string.Equals(Claim(claims, "email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        var identity = new ExternalIdentity(key, Claim(claims, "sub")!, emailAddress, verified, Claim(claims, "name"));
        return new ExternalLoginResult(identity, sealedState.Purpose, sealedState.UserId);
    }

    private async Task<TokenValidationResult> ValidateAsync(string idToken, OidcProviderOptions settings, Metadata metadata, CancellationToken cancellationToken)
    {
        var keys = new JsonWebKeySet(await http.GetStringAsync(metadata.JwksUri, cancellationToken)).GetSigningKeys();
        return await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = metadata.Issuer,
            ValidAudience = settings.ClientId,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
                expires is not null && clock.GetUtcNow().UtcDateTime < expires.Value + parameters.ClockSkew
                && (notBefore is null || clock.GetUtcNow().UtcDateTime >= notBefore.Value - parameters.ClockSkew),
        });
    }

    private async Task<Metadata> MetadataAsync(OidcProviderOptions settings, bool refresh, CancellationToken cancellationToken)
    {
        var authority = settings.Authority.TrimEnd('/');
        if (!refresh && Cache.TryGetValue(authority, out var cached) && clock.GetUtcNow() - cached.FetchedAt < TimeSpan.FromHours(1))
        {
            return cached.Metadata;
        }

        Metadata? metadata;
        try
        {
            metadata = await http.GetFromJsonAsync<Metadata>($"{authority}/.well-known/openid-configuration", cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            throw new ExternalServiceException("The sign-in provider", "The sign-in provider cannot be reached right now. Try again in a moment.", e);
        }

        if (metadata is null || string.IsNullOrEmpty(metadata.TokenEndpoint) || string.IsNullOrEmpty(metadata.JwksUri) || string.IsNullOrEmpty(metadata.Issuer))
        {
            throw new ExternalServiceException("The sign-in provider", "The sign-in provider's configuration could not be read.");
        }

        Cache[authority] = (metadata, clock.GetUtcNow());
        return metadata;
    }

    private SealedState? Unseal(string state)
    {
        try
        {
            return JsonSerializer.Deserialize<SealedState>(_protector.Unprotect(state));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private (string Key, string Name, OidcProviderOptions Options) Require(string provider)
    {
        var match = Providers().FirstOrDefault(p => string.Equals(p.Key, provider, StringComparison.OrdinalIgnoreCase));
        if (match.Key is null)
        {
            throw new NotFoundException("Sign-in provider", provider);
        }

        return match.Options.IsConfigured
            ? match
            : throw new ConflictException($"Sign-in with {match.Name} is not set up on this server.");
    }

    private IEnumerable<(string Key, string Name, OidcProviderOptions Options)> Providers() =>
        [("google", "Google", options.Value.Google), ("linkedin", "LinkedIn", options.Value.LinkedIn)];

    private string RedirectUri(string key) => $"{email.Value.PublicBaseUrl.TrimEnd('/')}/auth/callback/{key}";

    private static string? Claim(IDictionary<string, object> claims, string name) =>
        claims.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record SealedState(string Provider, string Verifier, string Nonce, ExternalLoginPurpose Purpose, Guid? UserId, DateTimeOffset ExpiresAt);

    private sealed record TokenResponse([property: JsonPropertyName("id_token")] string? IdToken);

    private sealed record Metadata(
        [property: JsonPropertyName("issuer")] string Issuer,
        [property: JsonPropertyName("authorization_endpoint")] string AuthorizationEndpoint,
        [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
        [property: JsonPropertyName("jwks_uri")] string JwksUri);
}
