using BrandAutomator.Application.Common.Ports;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Assets;

/// <summary>Full-text search over the tenant's files: ranked passages with highlighted snippets.</summary>
public sealed record SearchFiles(string Q, int Limit = 10) : IQuery<IReadOnlyList<FileSearchHit>>;

public sealed class SearchFilesValidator : AbstractValidator<SearchFiles>
{
    public SearchFilesValidator()
    {
        RuleFor(x => x.Q).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Limit).InclusiveBetween(1, 100);
    }
}

public sealed class SearchFilesHandler(IAssetSearch search) : IQueryHandler<SearchFiles, IReadOnlyList<FileSearchHit>>
{
    public async ValueTask<IReadOnlyList<FileSearchHit>> Handle(SearchFiles query, CancellationToken cancellationToken) =>
        await search.SearchAsync(query.Q.Trim(), query.Limit, cancellationToken);
}
