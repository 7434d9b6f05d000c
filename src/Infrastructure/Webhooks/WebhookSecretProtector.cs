using BrandAutomator.Application.Webhooks;
using Microsoft.AspNetCore.DataProtection;

namespace BrandAutomator.Infrastructure.Webhooks;

/// <summary>Endpoint secrets encrypted with ASP.NET Core Data Protection (its key ring is in the database).</summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("BrandAutomator.WebhookSecrets");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
