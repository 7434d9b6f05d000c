using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Security;

/// <summary>Section <c>Jwt</c>: how access tokens are signed and checked.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required]
    public string Issuer { get; set; } = "brand-automator";

    [Required]
    public string Audience { get; set; } = "brand-automator-api";

    [Range(1, 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>
    /// How long one API node trusts what it read about a session and membership before reading it again. A change made
    /// on this node applies at once; another node follows within this many seconds.
    /// </summary>
    [Range(0, 5)]
    public int SessionCheckSeconds { get; set; } = 2;

    /// <summary>The RSA private key (PEM) that signs access tokens. Required in production.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>
    /// Outside production, with no <see cref="SigningKeyPem"/>: the file the development key pair is kept in,
    /// made on first run. Relative paths are under the data folder.
    /// </summary>
    public string DevelopmentKeyFile { get; set; } = "keys/jwt-signing-key.pem";
}
