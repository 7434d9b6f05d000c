using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Ai;

/// <summary>
/// A conversation with the brand strategist, optionally about one company. Its messages are kept so that the user can
/// come back to it, and so that each new question is answered with the conversation so far.
/// </summary>
public sealed class ChatSession : Entity<Guid>
{
    public const int MaxTitleLength = 120;

    // A title made from the first question: long enough to recognise, short enough for a sidebar.
    private const int DerivedTitleLength = 60;

    private ChatSession()
    {
    }

    public Guid? CompanyId { get; private set; }

    public string Title { get; private set; } = "";

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ChatSession Start(Guid? companyId, string firstQuestion, Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CompanyId = companyId,
        Title = TitleFrom(firstQuestion),
        CreatedBy = userId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Rename(string title, DateTimeOffset now)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxTitleLength)
        {
            throw new DomainRuleException($"A title has 1 to {MaxTitleLength} characters.", "title");
        }

        Title = trimmed;
        UpdatedAt = now;
    }

    /// <summary>A message was added: the session moves to the top of the list.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    private static string TitleFrom(string question)
    {
        var words = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (words.Length == 0)
        {
            return "New conversation";
        }

        if (words.Length <= DerivedTitleLength)
        {
            return words;
        }

        var cut = words.LastIndexOf(' ', DerivedTitleLength);
        return (cut > 20 ? words[..cut] : words[..DerivedTitleLength]) + "…";
    }
}
