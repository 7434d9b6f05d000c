using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Companies;

/// <summary>A brand the tenant works on. Lives in the tenant's schema; a tenant may own several, up to its plan's limit.</summary>
public sealed class Company : Entity<Guid>
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2000;
    public const int MaxIndustryLength = 120;

    private Company()
    {
    }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public string? Industry { get; private set; }

    public string? Website { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Company Create(string name, string? description, string? industry, string? website, DateTimeOffset now)
    {
        var company = new Company { Id = Guid.CreateVersion7(now), CreatedAt = now };
        company.Update(name, description, industry, website, now);
        return company;
    }

    public void Update(string name, string? description, string? industry, string? website, DateTimeOffset now)
    {
        Name = Required(name, MaxNameLength, "name");
        Description = Optional(description, MaxDescriptionLength, "description");
        Industry = Optional(industry, MaxIndustryLength, "industry");
        Website = Optional(website, 2048, "website");
        UpdatedAt = now;
    }

    private static string Required(string value, int max, string field)
    {
        var trimmed = value.Trim();
        return trimmed.Length is > 0 and var length && length <= max
            ? trimmed
            : throw new DomainRuleException($"{field} must have 1 to {max} characters.", field);
    }

    private static string? Optional(string? value, int max, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= max ? trimmed : throw new DomainRuleException($"{field} must have at most {max} characters.", field);
    }
}
