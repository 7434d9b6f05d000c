using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Snippets;

/// <summary>What a snippet is for in the composer.</summary>
public enum SnippetKind
{
    /// <summary>Hashtags used together, inserted at the end of a post.</summary>
    HashtagGroup,

    /// <summary>A closing line (a sign-off, a call to action), inserted at the end of a post.</summary>
    Signature,

    /// <summary>A whole post to start from, with variables filled in when it is used.</summary>
    Template,
}

/// <summary>A brand's saved text: a hashtag group, a signature or a post template.</summary>
public sealed class Snippet : Entity<Guid>
{
    public const int MaxNameLength = 80;
    public const int MaxBodyLength = 3_000;
    public const int MaxHashtags = 30;

    private Snippet()
    {
    }

    public Guid CompanyId { get; private set; }

    public SnippetKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Snippet Create(Guid companyId, SnippetKind kind, string name, string body, DateTimeOffset now)
    {
        var snippet = new Snippet { Id = Guid.CreateVersion7(now), CompanyId = companyId, Kind = kind, CreatedAt = now };
        snippet.Change(name, body, now);
        return snippet;
    }

    public void Change(string name, string body, DateTimeOffset now)
    {
        if (Problem(Kind, name, body) is { } problem)
        {
            throw new DomainRuleException(problem.Message, problem.Field);
        }

        Name = name.Trim();
        Body = Kind == SnippetKind.HashtagGroup ? string.Join(' ', Hashtags(body)) : body.Trim();
        UpdatedAt = now;
    }

    /// <summary>The hashtags of a group's text, each with its #, without repeats.</summary>
    public static IReadOnlyList<string> Hashtags(string body) =>
        body.Split([' ', '\n', '\r', '\t', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.StartsWith('#') ? t : "#" + t).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>What is wrong with a snippet of this kind, naming the field, or null.</summary>
    public static (string Field, string Message)? Problem(SnippetKind kind, string? name, string? body) =>
        Problems(kind, name, body).Select(p => ((string Field, string Message)?)p).FirstOrDefault();

    /// <summary>Everything wrong with a snippet of this kind, each naming its field (name first, then body).</summary>
    public static IEnumerable<(string Field, string Message)> Problems(SnippetKind kind, string? name, string? body)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            yield return ("name", $"Give a name of up to {MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(body) || body.Trim().Length > MaxBodyLength)
        {
            yield return ("body", $"Give the text, up to {MaxBodyLength} characters.");
            yield break;
        }

        if (kind == SnippetKind.HashtagGroup)
        {
            var tags = Hashtags(body);
            var bad = tags.Where(t => t.Length < 2 || !t.Skip(1).All(c => char.IsLetterOrDigit(c) || c == '_')).ToList();
            if (bad.Count > 0)
            {
                yield return ("body", $"A hashtag has letters, digits or _ after its #: {string.Join(", ", bad.Take(5))} cannot be used.");
            }
            else if (tags.Count > MaxHashtags)
            {
                yield return ("body", $"A group has at most {MaxHashtags} hashtags.");
            }
        }

        if (kind == SnippetKind.Template && TemplateVariables.Unknown(body) is { Count: > 0 } unknown)
        {
            yield return ("body", $"Unknown {(unknown.Count == 1 ? "variable" : "variables")} {string.Join(", ", unknown.Select(u => "{" + u + "}"))}: " +
                $"a template can use {string.Join(", ", TemplateVariables.Known.Select(k => "{" + k + "}"))}.");
        }
    }
}
