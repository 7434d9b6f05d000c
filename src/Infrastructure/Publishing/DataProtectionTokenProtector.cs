using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.AspNetCore.DataProtection;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>Network tokens encrypted with ASP.NET Core Data Protection, one purpose per network.</summary>
public sealed class DataProtectionTokenProtector(IDataProtectionProvider provider) : ISocialTokenProtector
{
    public string Protect(SocialPlatform platform, string token) => Protector(platform).Protect(token);

    public string Unprotect(SocialPlatform platform, string protectedToken) => Protector(platform).Unprotect(protectedToken);

    private IDataProtector Protector(SocialPlatform platform) => provider.CreateProtector($"BrandAutomator.SocialTokens.{platform}");
}
