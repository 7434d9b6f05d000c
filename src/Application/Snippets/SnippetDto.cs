using BrandAutomator.Domain.Snippets;

namespace BrandAutomator.Application.Snippets;

/// <summary>A brand's hashtag group, signature or post template; <c>Variables</c> are the template variables its text uses.</summary>
public sealed record SnippetDto(
    Guid Id, Guid CompanyId, SnippetKind Kind, string Name, string Body, IReadOnlyList<string> Variables, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SnippetDto From(Snippet snippet) => new(
        snippet.Id, snippet.CompanyId, snippet.Kind, snippet.Name, snippet.Body,
        snippet.Kind == SnippetKind.Template ? TemplateVariables.Used(snippet.Body) : [], snippet.CreatedAt, snippet.UpdatedAt);
}

public sealed record SnippetListDto(IReadOnlyList<SnippetDto> Items, IReadOnlyList<string> TemplateVariables);
