using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Ai;

public enum ChatAuthor
{
    User,
    Assistant,
}

/// <summary>How an assistant message ended: in full, cut short by the provider's failure, or by the client leaving.</summary>
public enum ChatMessageState
{
    Complete,
    Failed,
    Interrupted,
}

/// <summary>
/// A passage the answer relied on: the <see cref="Marker"/> is the number the answer cites it by ("[2]"), and the
/// asset, chunk and page say where the user can read it. A citation of the workspace's own post results
/// (<see cref="Kind"/> <see cref="ResultsKind"/>) names no asset: <see cref="AssetName"/> says which results
/// ("Post results, Oct 2026") and <see cref="Link"/> is the analytics page of that period.
/// </summary>
public sealed record ChatCitation(
    int Marker, Guid AssetId, string AssetName, Guid ChunkId, int? Page, string Snippet, string Kind = ChatCitation.DocumentKind, string? Link = null)
{
    public const string DocumentKind = "document";
    public const string ResultsKind = "results";
}

/// <summary>One turn of a <see cref="ChatSession"/>: the user's question or the strategist's answer with its citations.</summary>
public sealed class ChatMessage : Entity<Guid>
{
    public const int MaxQuestionLength = 4000;

    private List<ChatCitation> _citations = [];

    private ChatMessage()
    {
    }

    public Guid SessionId { get; private set; }

    public ChatAuthor Author { get; private set; }

    public string Content { get; private set; } = "";

    public IReadOnlyList<ChatCitation> Citations => _citations;

    public ChatMessageState State { get; private set; }

    /// <summary>The provider that wrote an answer ("offline", "gemini", "openai-compatible"); null for questions.</summary>
    public string? Provider { get; private set; }

    public string? Model { get; private set; }

    public int InputTokens { get; private set; }

    public int OutputTokens { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ChatMessage Question(Guid sessionId, string text, DateTimeOffset now)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxQuestionLength)
        {
            throw new DomainRuleException($"A message has 1 to {MaxQuestionLength} characters.", "message");
        }

        return new ChatMessage
        {
            Id = Guid.CreateVersion7(now), SessionId = sessionId, Author = ChatAuthor.User, Content = trimmed, State = ChatMessageState.Complete,
            CreatedAt = now,
        };
    }

    public static ChatMessage Answer(
        Guid sessionId, string text, IReadOnlyList<ChatCitation> citations, ChatMessageState state, string provider, string model,
        int inputTokens, int outputTokens, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SessionId = sessionId,
        Author = ChatAuthor.Assistant,
        Content = text,
        _citations = [.. citations.OrderBy(c => c.Marker)],
        State = state,
        Provider = provider,
        Model = model,
        InputTokens = inputTokens,
        OutputTokens = outputTokens,
        CreatedAt = now,
    };
}
