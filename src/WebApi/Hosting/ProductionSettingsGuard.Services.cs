using System.Net;
using System.Security.Cryptography;
using BrandAutomator.Infrastructure.Email;
using BrandAutomator.Infrastructure.Files;
using BrandAutomator.Infrastructure.Scheduling;
using Npgsql;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>The checks of the outside services: e-mail, file storage and billing.</summary>
public static partial class ProductionSettingsGuard
{
    private static void CheckEmail(IConfiguration configuration, List<string> problems)
    {
        var delivery = configuration["Email:Delivery"];
        if (!Enum.TryParse<EmailDelivery>(delivery, ignoreCase: true, out var parsed) || parsed != EmailDelivery.Smtp)
        {
            problems.Add($"Email:Delivery is {(string.IsNullOrWhiteSpace(delivery) ? "not set (Outbox)" : $"'{delivery}'")}: " +
                         "it must be Smtp, because the Outbox only writes messages to a folder (development).");
        }

        if (string.IsNullOrWhiteSpace(configuration["Email:SmtpHost"]))
        {
            problems.Add("Email:SmtpHost is not set: invitations and notices are sent through an SMTP server.");
        }

        var baseUrl = configuration["Email:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            problems.Add("Email:PublicBaseUrl is not set: links in messages need the product's public https address.");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url))
        {
            problems.Add($"Email:PublicBaseUrl '{baseUrl}' is not an absolute address.");
        }
        else
        {
            if (url.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"Email:PublicBaseUrl '{baseUrl}' is not an https address.");
            }

            if (IsLocal(url))
            {
                problems.Add($"Email:PublicBaseUrl '{baseUrl}' points at this machine (localhost); use the product's public address.");
            }
        }
    }

    private static void CheckStorage(IConfiguration configuration, List<string> problems)
    {
        var providerSetting = configuration["Storage:Provider"];
        var provider = StorageProvider.Local;
        if (!string.IsNullOrWhiteSpace(providerSetting) && !Enum.TryParse(providerSetting, ignoreCase: true, out provider))
        {
            problems.Add($"Storage:Provider '{providerSetting}' is neither Local nor Gcs.");
            return;
        }

        if (provider == StorageProvider.Gcs)
        {
            // The shape of the service-account key is checked by the storage options themselves, at start-up.
            if (string.IsNullOrWhiteSpace(configuration["Storage:GcsBucket"]))
            {
                problems.Add("Storage:GcsBucket is not set: Storage:Provider is Gcs.");
            }

            if (string.IsNullOrWhiteSpace(configuration["Storage:GcsCredentialsJson"]))
            {
                problems.Add("Storage:GcsCredentialsJson is not set: Storage:Provider is Gcs, and signed URLs need a service-account key.");
            }

            return;
        }

        var signingKey = configuration["Storage:SigningKey"];
        if (string.IsNullOrWhiteSpace(signingKey))
        {
            problems.Add($"Storage:SigningKey is not set: links to local files are signed with it (a random value of at least {LocalSignedUrls.MinimumKeyLength} " +
                         "characters), never with a development key made on first run.");
        }
        else if (signingKey.Length < LocalSignedUrls.MinimumKeyLength)
        {
            problems.Add($"Storage:SigningKey has {signingKey.Length} characters; at least {LocalSignedUrls.MinimumKeyLength} are required.");
        }
        else if (IsDevelopmentSecret(configuration, "Storage:DevelopmentKeyFile", "keys/files-signing-key", signingKey))
        {
            problems.Add("Storage:SigningKey is the development key that a local run made under the data folder; generate a production key.");
        }

        if (configuration["Storage:PublicBaseUrl"] is { Length: > 0 } linkBase &&
            (!Uri.TryCreate(linkBase, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || IsLocal(url)))
        {
            problems.Add($"Storage:PublicBaseUrl '{linkBase}' is not a public https address.");
        }

        if (configuration["Links:BaseUrl"] is { Length: > 0 } shortBase && (!Uri.TryCreate(shortBase, UriKind.Absolute, out var shortUrl) || shortUrl.Scheme != Uri.UriSchemeHttps || IsLocal(shortUrl)))
        {
            problems.Add($"Links:BaseUrl '{shortBase}' is not a public https address: short links are printed in public posts.");
        }
    }

    private static void CheckBilling(IConfiguration configuration, List<string> problems)
    {
        // Billing is optional (no key: self-hosted); a key that is there must be a live one, with its webhook secret.
        var secretKey = configuration["Billing:StripeSecretKey"];
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            return;
        }

        if (secretKey.StartsWith("sk_test_", StringComparison.Ordinal) || secretKey.StartsWith("rk_test_", StringComparison.Ordinal))
        {
            problems.Add("Billing:StripeSecretKey is a Stripe test-mode key: production charges with a live key (sk_live_ or rk_live_).");
        }

        if (string.IsNullOrWhiteSpace(configuration["Billing:StripeWebhookSecret"]))
        {
            problems.Add("Billing:StripeWebhookSecret is not set: without it no Stripe webhook can be verified.");
        }
    }

    private static bool IsLocal(Uri url) =>
        url.IsLoopback
        || url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any)));
}
