using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// How the Data Protection key ring (which encrypts the networks' tokens) is itself encrypted at rest in the
/// database: with an X.509 certificate's RSA key from configuration, so that a copy of the database alone decrypts
/// nothing. Without a certificate (development) the key ring is stored as Data Protection writes it, in plain XML;
/// the production guard refuses that.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>PEM with the certificate and its unencrypted private key (BEGIN CERTIFICATE and BEGIN PRIVATE KEY blocks).</summary>
    public string? CertificatePem { get; set; }

    /// <summary>Certificates used before a rotation: keys they encrypted stay readable; new keys use <see cref="CertificatePem"/>.</summary>
    public IReadOnlyList<string> PreviousCertificatePems { get; set; } = [];

    public const int MinimumRsaKeyBits = 2048;

    /// <summary>The certificate with its private key, from one PEM text holding both.</summary>
    public static X509Certificate2 Load(string pem) => X509Certificate2.CreateFromPem(pem, pem);

    /// <summary>Why <paramref name="pem"/> cannot encrypt the key ring, or null when it can.</summary>
    public static string? Problem(string pem)
    {
        try
        {
            using var certificate = Load(pem);
            using var rsa = certificate.GetRSAPrivateKey();
            if (rsa is null)
            {
                return "is not an RSA certificate with its private key";
            }

            return rsa.KeySize < MinimumRsaKeyBits ? $"has a {rsa.KeySize}-bit RSA key; at least {MinimumRsaKeyBits} bits are required" : null;
        }
        catch (CryptographicException)
        {
            return "does not hold a certificate and its unencrypted private key in PEM form (BEGIN CERTIFICATE and BEGIN PRIVATE KEY)";
        }
    }
}
