using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>A CSV file to fill in: the columns the import recognises, and two example rows (one for several networks, one per network).</summary>
public sealed record GetImportTemplate : IQuery<string>;

public sealed class GetImportTemplateHandler : IQueryHandler<GetImportTemplate, string>
{
    public const string Template =
        "Date,Time,Networks,Text,LinkedIn text,X text,Media,Title\r\n" +
        "2027-01-12,09:00,\"LinkedIn, X\",\"Our spring collection is here.\nSee what's new.\",,,,Spring launch\r\n" +
        "2027-01-14,17:30,LinkedIn,,\"A longer story for LinkedIn readers, with a line break.\nRead on.\",,,Behind the scenes\r\n";

    public ValueTask<string> Handle(GetImportTemplate query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Template);
}
