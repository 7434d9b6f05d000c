using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// Checks a saved post as it stands now (its text may have changed since it was approved), against its brand's rules and
/// documents: for the approvals page, where <paramref name="UseAi"/> has the configured model review the findings.
/// </summary>
public sealed record CheckContent(Guid Id, bool UseAi = false) : IQuery<BrandCheckDto>;

public sealed class CheckContentHandler(ITenantDb db, BrandGuardService guard) : IQueryHandler<CheckContent, BrandCheckDto>
{
    public async ValueTask<BrandCheckDto> Handle(CheckContent query, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Post", query.Id);
        return await guard.CheckAsync(item.CompanyId, item.Variants.Select(v => new CheckVariantDto(v.Platform, v.Text)).ToList(), true, query.UseAi, cancellationToken);
    }
}
