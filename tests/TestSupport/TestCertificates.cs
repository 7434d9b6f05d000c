using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BrandAutomator.TestSupport;

/// <summary>Self-signed certificates made on the fly, as operators make theirs with openssl (docs/deploy.md).</summary>
public static class TestCertificates
{
    /// <summary>One PEM text with a certificate and its PKCS#8 private key: DataProtection:CertificatePem's form.</summary>
    public static string KeyRingPem(int rsaBits = 2048, string name = "brand-automator-data-protection")
    {
        using var rsa = RSA.Create(rsaBits);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem();
    }
}
