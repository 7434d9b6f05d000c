using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>
/// Imports a CSV file's posts, checked as the dry run checks them. <see cref="ImportMode.AllOrNothing"/>: any bad row
/// refuses the whole file (400, each error on <c>rows[12].date</c>) and nothing is written. <see cref="ImportMode.RowByRow"/>:
/// the good rows are imported and the bad ones reported. Rows imported before are skipped, so importing the same file
/// again creates nothing; two imports of it at once take turns under the tenant's import lock, and the second skips the
/// rows the first wrote (the row key is unique as well).
/// </summary>
public sealed record ImportContent(ContentImportFile File, ImportMode Mode) : ICommand<ImportReportDto>, IRequireRole, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class ImportContentHandler(
    ITenantDb db, CommandTransaction transaction, ContentImportCheck check, IAutomationEntitlement entitlement, IPublishScheduler scheduler)
    : ICommandHandler<ImportContent, ImportReportDto>
{
    public async ValueTask<ImportReportDto> Handle(ImportContent command, CancellationToken cancellationToken)
    {
        if (command.File.Target == ImportTarget.Schedule)
        {
            await entitlement.EnsureAutomationAsync(cancellationToken);
        }

        // Before the check: the rows imported before are read under the lock, so a second import at once sees the first's.
        await db.LockAsync(TenantLock.Import, cancellationToken);
        var plan = await check.CheckAsync(command.File, cancellationToken);
        var errors = plan.Errors;
        if (command.Mode == ImportMode.AllOrNothing && errors.Count > 0)
        {
            throw new InputValidationException(errors
                .GroupBy(e => $"rows[{e.Row}].{e.Field}")
                .ToDictionary(g => g.Key, g => g.Select(e => $"Row {e.Row}, column \u201C{e.Column}\u201D: {e.Message}").ToArray()));
        }

        var ready = plan.Ready.ToList();
        db.ContentItems.AddRange(ready);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another import of the same rows wrote them first (the row key is unique): this one wrote nothing.
            db.DiscardChanges();
            throw new ConflictException("Some of these rows were imported by another import at the same moment: run the dry run again to see what is left.");
        }

        if (command.File.Target == ImportTarget.Schedule && ready.Count > 0)
        {
            // After the commit: a trigger that fails to be written is made good by the sweep once the post is due.
            var due = ready.Select(i => (i.Id, i.DueAt!.Value)).ToList();
            transaction.AfterCommit(ct => scheduler.ScheduleNewAsync(due, ct));
        }

        return plan.Report(dryRun: false, command.Mode, ready.Count, withIds: true);
    }
}
