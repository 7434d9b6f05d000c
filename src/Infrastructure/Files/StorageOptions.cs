using System.ComponentModel.DataAnnotations;
using Google.Apis.Auth.OAuth2;

namespace BrandAutomator.Infrastructure.Files;

public enum StorageProvider
{
    /// <summary>Files under the data folder; links are HMAC-signed and served by the API itself.</summary>
    Local,

    /// <summary>A Google Cloud Storage bucket; links are V4 signed URLs served by Google.</summary>
    Gcs,
}

/// <summary>Section <c>Storage</c>: where uploaded files live and how links to them are signed.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>Google's JSON API endpoint; signed URLs use its scheme and host too.</summary>
    public const string GoogleBaseUri = "https://storage.googleapis.com/storage/v1/";

    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    /// <summary>Folder of the Local provider; relative paths are under the data folder (<c>Embedded:DataDirectory</c>).</summary>
    [Required]
    public string LocalDirectory { get; set; } = "files";

    /// <summary>
    /// HMAC key of local signed links, at least 32 characters. Required in Production with the Local provider; elsewhere,
    /// when empty, a random key is made once and kept under the data folder.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the development signing key is kept; relative paths are under the data folder.</summary>
    public string DevelopmentKeyFile { get; set; } = "keys/files-signing-key";

    /// <summary>The API's public address, for local signed links; <c>Email:PublicBaseUrl</c> when empty.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    public string? GcsBucket { get; set; }

    /// <summary>The service-account key (JSON) that reads and writes the bucket and signs its URLs.</summary>
    public string? GcsCredentialsJson { get; set; }

    /// <summary>The JSON API endpoint; tests point it at a fake server.</summary>
    [Required, Url]
    public string GcsBaseUri { get; set; } = GoogleBaseUri;

    /// <summary>How long a link handed to a browser stays valid.</summary>
    [Range(1, 7 * 24 * 60)]
    public int SignedUrlLifetimeMinutes { get; set; } = 15;

    public TimeSpan SignedUrlLifetime => TimeSpan.FromMinutes(SignedUrlLifetimeMinutes);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SigningKey) && SigningKey.Length < LocalSignedUrls.MinimumKeyLength)
        {
            yield return new ValidationResult(
                $"Storage:SigningKey must be at least {LocalSignedUrls.MinimumKeyLength} characters (a random, base64 value is best).",
                [nameof(SigningKey)]);
        }

        if (Provider != StorageProvider.Gcs)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(GcsBucket))
        {
            yield return new ValidationResult("Storage:GcsBucket is required when Storage:Provider is Gcs.", [nameof(GcsBucket)]);
        }

        // Required rather than falling back to ambient credentials: V4 signed URLs need a private key to sign with.
        if (string.IsNullOrWhiteSpace(GcsCredentialsJson))
        {
            yield return new ValidationResult(
                "Storage:GcsCredentialsJson (a service-account key, JSON) is required when Storage:Provider is Gcs.",
                [nameof(GcsCredentialsJson)]);
        }
        else if (!IsServiceAccountKey(GcsCredentialsJson))
        {
            // Checked at start-up so that a bad secret stops the deployment, not the first upload.
            yield return new ValidationResult(
                "Storage:GcsCredentialsJson is not a service-account key (JSON with type \"service_account\", client_email and private_key).",
                [nameof(GcsCredentialsJson)]);
        }
    }

    private static bool IsServiceAccountKey(string json)
    {
        try
        {
            CredentialFactory.FromJson<ServiceAccountCredential>(json);
            return true;
        }
        catch (Exception)
        {
            // Whatever the parser throws (JSON, PEM or type errors), the answer is the same: not a usable key.
            return false;
        }
    }
}
