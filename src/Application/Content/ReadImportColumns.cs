using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>The first step of an import: the file's columns, the post fields, which column is which at a guess, and its first rows.</summary>
public sealed record ReadImportColumns(byte[] Content) : IQuery<ImportColumnsDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class ReadImportColumnsHandler : IQueryHandler<ReadImportColumns, ImportColumnsDto>
{
    public ValueTask<ImportColumnsDto> Handle(ReadImportColumns query, CancellationToken cancellationToken)
    {
        var table = CsvTable.Parse(query.Content, ContentImportFile.MaxRows);
        return ValueTask.FromResult(new ImportColumnsDto(
            table.Headers, table.Delimiter.ToString(), table.Rows.Count, ImportFields.Guess(table.Headers), ImportFields.All,
            table.Rows.Take(3).Select(r => (IReadOnlyList<string>)table.Headers.Select((_, i) => r.Cell(i)).ToList()).ToList()));
    }
}
