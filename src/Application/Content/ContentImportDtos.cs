namespace BrandAutomator.Application.Content;

/// <summary>What the imported posts become: drafts placed in the calendar, or posts scheduled to go out.</summary>
public enum ImportTarget
{
    Draft,
    Schedule,
}

/// <summary>All or nothing: one bad row stops the import. Row by row: the good rows are imported, the bad ones listed.</summary>
public enum ImportMode
{
    AllOrNothing,
    RowByRow,
}

/// <summary>An uploaded CSV file (at most <see cref="MaxBytes"/>) and how to read it.</summary>
public sealed record ContentImportFile(byte[] Content, IReadOnlyDictionary<string, string>? Mapping, ImportTarget Target, Guid? CompanyId)
{
    public const int MaxRows = 5_000;
    public const int MaxBytes = 10 * 1024 * 1024;
}

/// <summary>The file's columns, the fields they can fill and the guess of which is which, with its first rows.</summary>
public sealed record ImportColumnsDto(
    IReadOnlyList<string> Headers, string Delimiter, int Rows, IReadOnlyDictionary<string, string> Suggested,
    IReadOnlyList<ImportFieldDto> Fields, IReadOnlyList<IReadOnlyList<string>> SampleRows);

/// <summary>A problem with one row: its number as a spreadsheet shows it, the column (its header) and the field, and what to do.</summary>
public sealed record ImportRowErrorDto(int Row, string Column, string Field, string Message);

/// <summary>A row left out on purpose: imported before, or the same as an earlier row of the file.</summary>
public sealed record ImportSkippedRowDto(int Row, string Reason, int? SameAsRow);

/// <summary>A row that will be (or was) imported, as the calendar will show it.</summary>
public sealed record ImportReadyRowDto(int Row, string Title, string? Local, IReadOnlyList<string> Networks, Guid? PostId);

/// <summary>
/// A dry run's or an import's outcome. <see cref="Errors"/> lists every bad row's problems; <see cref="Created"/> is 0
/// for a dry run and for an all-or-nothing import that found errors.
/// </summary>
public sealed record ImportReportDto(
    int Rows, int Ready, int Invalid, int AlreadyImported, int Duplicates, int Created, bool DryRun, ImportTarget Target, ImportMode? Mode,
    string TimeZone, IReadOnlyList<ImportRowErrorDto> Errors, IReadOnlyList<ImportSkippedRowDto> Skipped, IReadOnlyList<ImportReadyRowDto> Sample);
