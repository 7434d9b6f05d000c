using System.ComponentModel.DataAnnotations;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>Section <c>Brands</c>: the brand limit of a self-hosted instance.</summary>
public sealed class BrandLimitOptions
{
    public const string Section = "Brands";

    /// <summary>Brands one tenant may own; 0 means no limit.</summary>
    [Range(0, 100_000)]
    public int MaxPerTenant { get; set; }
}

/// <summary>The brand limit from configuration.</summary>
public sealed class ConfiguredBrandLimits(ITenantDb db, IOptions<BrandLimitOptions> options) : IBrandLimits
{
    public async Task EnsureCanAddBrandAsync(CancellationToken cancellationToken)
    {
        var max = options.Value.MaxPerTenant;
        if (max > 0 && await db.Companies.CountAsync(cancellationToken) >= max)
        {
            throw new PlanLimitException("brands", $"This workspace may have {max} brand{(max == 1 ? "" : "s")}; remove one or upgrade to add another.");
        }
    }
}
