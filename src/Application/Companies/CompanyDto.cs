using BrandAutomator.Domain.Companies;

namespace BrandAutomator.Application.Companies;

public sealed record CompanyDto(
    Guid Id, string Name, string? Description, string? Industry, string? Website, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CompanyDto From(Company c) => new(c.Id, c.Name, c.Description, c.Industry, c.Website, c.CreatedAt, c.UpdatedAt);
}
