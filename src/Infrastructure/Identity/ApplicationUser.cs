using Microsoft.AspNetCore.Identity;

namespace BrandAutomator.Infrastructure.Identity;

/// <summary>A person's login, shared by every tenant they belong to (memberships say where and with which role).</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
