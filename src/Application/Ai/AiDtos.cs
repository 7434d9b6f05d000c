using System.Text.Json;
using BrandAutomator.Domain.Ai;

namespace BrandAutomator.Application.Ai;

public sealed record ChatSessionDto(Guid Id, Guid? CompanyId, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ChatSessionDto From(ChatSession s) => new(s.Id, s.CompanyId, s.Title, s.CreatedAt, s.UpdatedAt);
}

public sealed record ChatMessageDto(
    Guid Id, ChatAuthor Author, string Content, IReadOnlyList<ChatCitation> Citations, ChatMessageState State, string? Provider, string? Model,
    int InputTokens, int OutputTokens, DateTimeOffset CreatedAt)
{
    public static ChatMessageDto From(ChatMessage m) =>
        new(m.Id, m.Author, m.Content, m.Citations, m.State, m.Provider, m.Model, m.InputTokens, m.OutputTokens, m.CreatedAt);
}

/// <summary>One server-sent event of a chat answer: its name (<c>session</c>, <c>delta</c>, <c>citation</c>, <c>done</c>, <c>error</c>) and data.</summary>
public sealed record ChatStreamEvent(string Name, object Data)
{
    public const string Session = "session";
    public const string Delta = "delta";
    public const string Citation = "citation";
    public const string Done = "done";
    public const string Error = "error";
}

public sealed record ChatSessionEvent(Guid SessionId, string Title, Guid QuestionId, string Provider, string Model, bool Offline, string? Note);

public sealed record ChatDeltaEvent(string Text);

public sealed record ChatUsageDto(int InputTokens, int OutputTokens);

public sealed record ChatDoneEvent(Guid MessageId, ChatUsageDto Usage, string Provider, string Model, bool Offline, int Citations);

public sealed record ChatErrorEvent(string Message, Guid? MessageId);

/// <summary>A chat answer about to stream: the session it belongs to and its events, produced as the provider writes.</summary>
public sealed record StrategistReply(Guid SessionId, IAsyncEnumerable<ChatStreamEvent> Events);

/// <summary>Who wrote a structured result, and the offline label when no model did.</summary>
public sealed record AiSourceDto(string Provider, string Model, bool Offline, string? Note, bool Cached)
{
    public static AiSourceDto From(AiProviderInfo info, bool cached) => new(info.Provider, info.Model, info.IsOffline, info.Note, cached);
}

public sealed record BrandStrategyVersionDto(
    Guid Id, Guid CompanyId, int Number, BrandStrategy Strategy, bool Edited, DateTimeOffset? AcceptedAt, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string Provider, string Model, bool Offline, string? Note, bool Cached)
{
    public static BrandStrategyVersionDto From(BrandStrategyVersion v, bool cached = false)
    {
        var offline = v.Provider == AiProviderInfo.OfflineName;
        return new(v.Id, v.CompanyId, v.Number, v.Strategy, v.Edited, v.AcceptedAt, v.CreatedAt, v.UpdatedAt, v.Provider, v.Model, offline,
            offline ? new AiProviderInfo(v.Provider, v.Model, "").Note : null, cached);
    }
}

/// <summary>What a finding rests on: a field of the company profile, or a passage of a document.</summary>
public sealed record FindingBasisDto(string Kind, string? Field, ChatCitation? Passage)
{
    public const string ProfileKind = "profile";
    public const string PassageKind = "passage";
}

public sealed record MarketFindingDto(string Statement, IReadOnlyList<FindingBasisDto> BasedOn, bool Inference, bool NeedsResearch);

/// <summary>A market analysis; each is kept, so <see cref="Id"/> and <see cref="CreatedAt"/> place it in the company's history.</summary>
public sealed record MarketAnalysisDto(
    Guid Id, Guid CompanyId, string? Focus, IReadOnlyList<MarketFindingDto> Competitors, IReadOnlyList<MarketFindingDto> PositioningOpportunities,
    IReadOnlyList<MarketFindingDto> AudienceInsights, IReadOnlyList<MarketFindingDto> Risks, AiSourceDto Source, DateTimeOffset CreatedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The findings as a stored report keeps them.</summary>
    public static string FindingsJson(MarketFindingsDto findings) => JsonSerializer.Serialize(findings, Json);

    /// <summary>A stored report as the API shows it; <see cref="AiSourceDto.Cached"/> is false: it is read back, not asked again.</summary>
    public static MarketAnalysisDto From(MarketAnalysisReport report)
    {
        var findings = JsonSerializer.Deserialize<MarketFindingsDto>(report.Findings, Json) ?? new MarketFindingsDto([], [], [], []);
        var info = new AiProviderInfo(report.Provider, report.Model, "");
        return new MarketAnalysisDto(report.Id, report.CompanyId, report.Focus, findings.Competitors, findings.PositioningOpportunities,
            findings.AudienceInsights, findings.Risks, AiSourceDto.From(info, cached: false), report.CreatedAt);
    }
}

/// <summary>The four sections of an analysis.</summary>
public sealed record MarketFindingsDto(
    IReadOnlyList<MarketFindingDto> Competitors, IReadOnlyList<MarketFindingDto> PositioningOpportunities,
    IReadOnlyList<MarketFindingDto> AudienceInsights, IReadOnlyList<MarketFindingDto> Risks);

public sealed record PostDraftDto(string Text, int Length, bool Shortened);

public sealed record PlatformDraftsDto(Domain.Social.SocialPlatform Platform, string DisplayName, int MaxLength, IReadOnlyList<PostDraftDto> Drafts);

/// <summary>
/// Drafts per platform, with the passages of the documents they drew on (facts, prescribed hashtags, words to avoid) and
/// the post results they lean on; <see cref="Performance"/> says which pattern of the best posts they follow and why
/// (null with no results).
/// </summary>
public sealed record PostDraftsDto(
    Guid CompanyId, string Topic, IReadOnlyList<PlatformDraftsDto> Platforms, IReadOnlyList<ChatCitation> Sources, AiSourceDto Source,
    string? Performance = null);

public sealed record AiUsageDto(
    string Month, string Plan, int Requests, int MonthlyLimit, int Remaining, long InputTokens, long OutputTokens, int CachedResponses,
    string Provider, string Model, bool Offline);
