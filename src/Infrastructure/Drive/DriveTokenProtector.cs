using BrandAutomator.Application.Drive;
using Microsoft.AspNetCore.DataProtection;

namespace BrandAutomator.Infrastructure.Drive;

/// <summary>Drive tokens encrypted with ASP.NET Core Data Protection (keys in the database), under a purpose of their own.</summary>
public sealed class DriveTokenProtector(IDataProtectionProvider provider) : IDriveTokenProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("BrandAutomator.DriveTokens");

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}
