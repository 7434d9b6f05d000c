namespace BrandAutomator.Infrastructure.Identity;

/// <summary>Section <c>Authentication</c>: the OpenID Connect providers people may sign in with.</summary>
public sealed class ExternalAuthenticationOptions
{
    public const string Section = "Authentication";

    public OidcProviderOptions Google { get; set; } = new() { Authority = "https://accounts.google.com" };

    public OidcProviderOptions LinkedIn { get; set; } = new() { Authority = "https://www.linkedin.com/oauth" };
}

/// <summary>One provider: this product's client there. Without a client id and secret the provider is not offered.</summary>
public sealed class OidcProviderOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The issuer; its <c>/.well-known/openid-configuration</c> names the endpoints and the signing keys.</summary>
    public string Authority { get; set; } = "";

    public string Scopes { get; set; } = "openid email profile";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(Authority);
}
