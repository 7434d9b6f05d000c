using BrandAutomator.Application.BrandGuard;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Companies;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>
/// Checks every row of a CSV file with the composer's rules, for the dry run and the import alike: the draft's rules
/// and, when the rows are to be scheduled, the networks' limits, a time in the future, a working account on each
/// network and the brand check (a blocked row is refused: an admin confirms such a post from the calendar). Rows
/// imported before, or repeated in the file, are skipped.
/// </summary>
public sealed class ContentImportCheck(ITenantDb db, TenantTime time, ScheduleGate gate, ICurrentUser user, TimeProvider clock)
{
    private const int SampleSize = 20;

    /// <summary>One row's outcome: a post ready to add, its problems, or why it is skipped.</summary>
    public sealed record CheckedRow(CsvRow Row, ContentItem? Item, IReadOnlyList<ImportRowErrorDto> Errors, ImportSkippedRowDto? Skipped);

    public sealed record Plan(IReadOnlyList<CheckedRow> Rows, TimeZoneInfo Zone, ImportTarget Target)
    {
        public IEnumerable<ContentItem> Ready => Rows.Where(r => r.Item is not null).Select(r => r.Item!);

        public IReadOnlyList<ImportRowErrorDto> Errors => Rows.SelectMany(r => r.Errors).ToList();

        public ImportReportDto Report(bool dryRun, ImportMode? mode, int created, bool withIds) => new(
            Rows.Count, Rows.Count(r => r.Item is not null), Rows.Count(r => r.Errors.Count > 0),
            Rows.Count(r => r.Skipped?.SameAsRow is null && r.Skipped is not null), Rows.Count(r => r.Skipped?.SameAsRow is not null),
            created, dryRun, Target, mode, Zone.Id, Errors, Rows.Where(r => r.Skipped is not null).Select(r => r.Skipped!).ToList(),
            Rows.Where(r => r.Item is not null).Take(SampleSize).Select(r => new ImportReadyRowDto(
                r.Row.Number, r.Item!.Title, r.Item.ScheduledAt is { } at ? TenantTime.ToLocalText(at, Zone) : null,
                r.Item.Variants.Select(v => Domain.Social.PlatformRules.DisplayName(v.Platform)).ToList(), withIds ? r.Item.Id : null)).ToList());
    }

    public async Task<Plan> CheckAsync(ContentImportFile file, CancellationToken cancellationToken)
    {
        var table = CsvTable.Parse(file.Content, ContentImportFile.MaxRows);
        var columns = ImportFields.Resolve(file.Mapping, table);
        await CompanyLookup.EnsureExistsAsync(db, file.CompanyId, cancellationToken);
        if (file.Target == ImportTarget.Schedule && await ContentReader.ApprovalRequiredAsync(db, cancellationToken))
        {
            throw InputValidationException.For("target",
                "This workspace requires approval before scheduling: import the posts as drafts, then submit them for review.");
        }

        var zone = await time.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var reader = new ImportRowReader(table, columns, zone, await MediaByNameAsync(cancellationToken), file.Target, file.CompanyId, user.UserId, now);

        var keys = table.Rows.Select(reader.Key).ToList();
        var existing = (await db.ContentItems.AsNoTracking().Where(c => c.ImportKey != null && keys.Contains(c.ImportKey))
            .Select(c => c.ImportKey!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(CsvRow Row, ImportRowReader.Result? Read, ImportSkippedRowDto? Skipped)>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            if (existing.Contains(keys[i]))
            {
                rows.Add((row, null, new ImportSkippedRowDto(row.Number, "Imported before: the post already exists.", null)));
            }
            else if (!firstRow.TryAdd(keys[i], row.Number))
            {
                rows.Add((row, null, new ImportSkippedRowDto(row.Number, $"The same as row {firstRow[keys[i]]}.", firstRow[keys[i]])));
            }
            else
            {
                rows.Add((row, reader.Read(row, keys[i]), null));
            }
        }

        if (file.Target == ImportTarget.Schedule)
        {
            await CheckSchedulingAsync(reader, rows.Where(r => r.Read?.Item is not null).Select(r => (r.Row, r.Read!)).ToList(), now, cancellationToken);
        }

        return new Plan(rows.Select(r => r.Read is { } read
            ? new CheckedRow(r.Row, read.Errors.Count == 0 ? read.Item : null, read.Errors, null)
            : new CheckedRow(r.Row, null, [], r.Skipped)).ToList(), zone, file.Target);
    }

    // The checks of ScheduleContent, row by row: the brand check once for every row, then each row's scheduling rules.
    private async Task CheckSchedulingAsync(
        ImportRowReader reader, IReadOnlyList<(CsvRow Row, ImportRowReader.Result Read)> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var blocked = (await gate.BlockedAsync(rows.Select(r => r.Read.Item!).ToList(), cancellationToken))
            .ToDictionary(b => b.Item.Id, b => b.Findings);
        var approvalRequired = await ContentReader.ApprovalRequiredAsync(db, cancellationToken);
        var connections = await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken);
        var assetTypes = await db.Assets.AsNoTracking().Select(a => new { a.Id, a.Type }).ToDictionaryAsync(a => a.Id, a => a.Type, cancellationToken);
        foreach (var (row, read) in rows)
        {
            var item = read.Item!;
            if (blocked.TryGetValue(item.Id, out var findings))
            {
                read.Errors.Add(reader.Error(row, read.TextFields[item.Variants[0].Platform],
                    $"The brand check blocks this post: {ScheduleGate.Describe(findings)} Change the text, or import it as a draft and have an admin confirm it from the calendar."));
            }

            try
            {
                item.Schedule(item.ScheduledAt ?? now, approvalRequired, assetTypes, now);
                ConnectedNetworks.Ensure(item, connections, now, "schedule");
            }
            catch (DomainRuleException e)
            {
                read.Errors.Add(reader.Error(row, reader.FieldOf(e.Field, item.Variants, read.TextFields), e.Message));
            }
        }
    }

    // Names as members see them and as they uploaded them, newest first, so that a name used twice means the latest file.
    private async Task<Dictionary<string, ImportMedia>> MediaByNameAsync(CancellationToken cancellationToken)
    {
        var assets = await db.Assets.AsNoTracking().Where(a => a.ArchivedAt == null).OrderByDescending(a => a.CreatedAt)
            .Select(a => new { a.Id, a.Name, a.OriginalFileName, a.Type }).ToListAsync(cancellationToken);
        var byName = new Dictionary<string, ImportMedia>(StringComparer.OrdinalIgnoreCase);
        foreach (var asset in assets)
        {
            byName.TryAdd(asset.Name, new ImportMedia(asset.Id, asset.Type));
            byName.TryAdd(asset.OriginalFileName, new ImportMedia(asset.Id, asset.Type));
        }

        return byName;
    }
}
