using System.Security.Cryptography;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Scheduling;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Content;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.WebApi.Tests.Platform;

public sealed class KeyRingApiFactory : ApiFactory
{
    public override async Task InitializeAsync()
    {
        WithSetting("DataProtection:CertificatePem", TestCertificates.KeyRingPem());
        await base.InitializeAsync();
    }
}

public sealed class KeyRingEncryptionTests(KeyRingApiFactory factory) : IClassFixture<KeyRingApiFactory>
{
    private const string Purpose = "BrandAutomator.SocialTokens.LinkedIn";

    [Fact]
    public async Task With_a_certificate_the_key_ring_is_encrypted_in_the_database_and_a_copy_of_the_database_decrypts_no_token()
    {
        var admin = await factory.RegisterAsync();
        await ContentHelpers.ConnectAsync(admin, "linkedIn", accessToken: "li-access-token-in-plain-text");

        var keys = await factory.ColumnAsync("SELECT xml FROM quartz.data_protection_keys");
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            // A plain key ring keeps the master key as <masterKey ...><value>base64</value></masterKey>.
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });

        var stored = Assert.Single(await factory.ColumnAsync(
            $"SELECT encrypted_access_token FROM \"tenant_{admin.TenantId:N}\".social_connections"));
        // The API itself reads it back through the certificate...
        var tokens = factory.Services.GetRequiredService<ISocialTokenProtector>();
        Assert.Equal("li-access-token-in-plain-text", tokens.Unprotect(SocialPlatform.LinkedIn, stored));

        // ...while the same key ring read without the certificate (a stolen database) opens nothing.
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("BrandAutomator").DisableAutomaticKeyGeneration();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = factory.Services.GetRequiredService<DatabaseKeyRepository>());
        await using var thief = services.BuildServiceProvider();
        var protector = thief.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored));
    }
}
