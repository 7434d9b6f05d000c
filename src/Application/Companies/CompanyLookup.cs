using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Companies;

/// <summary>Checks a company id another use case names (a post's, a connection's).</summary>
internal static class CompanyLookup
{
    /// <summary>The company must be one of the tenant's own: another tenant's id is answered as not found.</summary>
    public static async Task EnsureExistsAsync(ITenantDb db, Guid? companyId, CancellationToken cancellationToken)
    {
        if (companyId is { } id && !await db.Companies.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new NotFoundException("Company", id);
        }
    }
}
