using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>
/// Checks every row of a CSV file as the import would, and changes nothing: every bad row with its column and what to
/// do, the rows imported before, and the first rows that are ready.
/// </summary>
public sealed record DryRunContentImport(ContentImportFile File) : IQuery<ImportReportDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class DryRunContentImportHandler(ContentImportCheck check) : IQueryHandler<DryRunContentImport, ImportReportDto>
{
    public async ValueTask<ImportReportDto> Handle(DryRunContentImport query, CancellationToken cancellationToken)
    {
        var plan = await check.CheckAsync(query.File, cancellationToken);
        return plan.Report(dryRun: true, mode: null, created: 0, withIds: false);
    }
}
