using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// A rule the team sees: what it asks, where it was read from, whether it applies, and the brand it belongs to
/// (<paramref name="CompanyId"/> null: every brand of the workspace).
/// </summary>
public sealed record BrandRuleDto(
    Guid Id, BrandRuleKind Kind, string Term, string? Suggestion, SocialPlatform? Platform, int? Limit, bool Enabled, BrandRuleOrigin Origin,
    bool EditedByTeam, ChatCitation? Source, DateTimeOffset UpdatedAt, Guid? CompanyId)
{
    public static BrandRuleDto From(BrandRule r) => new(
        r.Id, r.Kind, r.Term, r.Suggestion, r.Platform, r.Limit, r.Enabled, r.Origin, r.EditedByTeam, Citation(r), r.UpdatedAt, r.CompanyId);

    public static ChatCitation? Citation(BrandRule r) =>
        r.SourceAssetId is { } asset && r.SourceChunkId is { } chunk
            ? new ChatCitation(1, asset, r.SourceAssetName ?? "", chunk, r.SourcePage, r.SourceSnippet ?? "")
            : null;
}

/// <summary>The kinds of finding the brand guard reports.</summary>
public enum FindingKind
{
    BannedWord,
    Name,
    MissingHashtag,
    TooManyHashtags,
    UnsupportedClaim,
    ContradictedClaim,
    Tone,
}

/// <summary>A one-click fix: replace <paramref name="Length"/> characters at <paramref name="Start"/> (UTF-16) with <paramref name="Replacement"/>.</summary>
public sealed record FindingFixDto(int Start, int Length, string Replacement, string Label);

/// <summary>
/// One problem in a post: what, how serious, why in one line, the words it is about (<paramref name="Start"/>,
/// <paramref name="Length"/> in the text), the passage it rests on (cited like chat), a fix when one exists, and whether
/// an AI model wrote the reason or found it (<paramref name="ByModel"/>).
/// </summary>
public sealed record FindingDto(
    FindingKind Kind, FindingSeverity Severity, string Reason, int Start, int Length, string Excerpt, ChatCitation? Source, FindingFixDto? Fix,
    Guid? RuleId, bool Blocking, bool ByModel = false);

/// <summary>
/// How close the post sounds to the brand's tone (cosine similarity of sentence embeddings, -1..1), and a word for it; with
/// an AI model, the verdict is the model's and <paramref name="Reasons"/> say why.
/// </summary>
public sealed record ToneScoreDto(double Score, string Verdict, ChatCitation? Source, IReadOnlyList<string>? Reasons = null);

/// <summary>The findings for one network's text.</summary>
public sealed record VariantCheckDto(SocialPlatform Platform, IReadOnlyList<FindingDto> Findings, ToneScoreDto? Tone, bool Blocking);

/// <summary>
/// What the brand guard found in a post, per network, with how it judged (offline rules and similarity, or reviewed by a
/// model: <paramref name="ModelReviewed"/>), and a note when the model's review is missing or partly left out.
/// </summary>
public sealed record BrandCheckDto(
    IReadOnlyList<VariantCheckDto> Variants, bool Blocking, bool Offline, string Method, int RuleCount, bool ModelReviewed = false,
    string? ModelNote = null);

/// <summary>A network's text to check.</summary>
public sealed record CheckVariantDto(SocialPlatform Platform, string Text);

/// <summary>Which severities stop a post being scheduled without an admin's confirmation.</summary>
public sealed record BrandGuardSettingsDto(IReadOnlyList<FindingSeverity> BlockingSeverities);
