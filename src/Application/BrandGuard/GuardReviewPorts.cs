using BrandAutomator.Application.Ai;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>A passage handed to the model, numbered so that its answer can cite it; quoted data, never instructions.</summary>
public sealed record GuardReviewPassage(int Number, string Document, int? Page, string Text);

/// <summary>A network's text as the model sees it.</summary>
public sealed record GuardReviewText(string Network, string Text);

/// <summary>An offline finding as the model sees it: numbered, with the passage numbers it rests on.</summary>
public sealed record GuardReviewFinding(int Number, string Network, string Kind, string Severity, string Words, string Reason, IReadOnlyList<int> Passages);

/// <summary>
/// What the model is asked to review: the post's texts, the offline findings, the passages they cite and the brand's
/// tone descriptions (with their passages); it may only cite these passages.
/// </summary>
public sealed record GuardReviewBrief(
    IReadOnlyList<GuardReviewText> Texts, IReadOnlyList<GuardReviewFinding> Findings, IReadOnlyList<GuardReviewPassage> Passages,
    IReadOnlyList<int> TonePassages, bool Tone);

/// <summary>The model's reason for an offline finding, whether it agrees, and the passages it rests on.</summary>
public sealed record ReviewedFinding(int Finding, bool Agrees, string Reason, IReadOnlyList<int> Passages);

/// <summary>A problem the model found that the offline checks did not: the words it is about, in a network's text, cited.</summary>
public sealed record AddedFinding(string Network, string Kind, string Words, string Reason, IReadOnlyList<int> Passages);

/// <summary>The model's judgement of a network's tone against the brand's tone descriptions, with reasons, cited.</summary>
public sealed record ToneReview(string Network, bool OnBrand, string Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<int> Passages);

/// <summary>The model's review of a brand check, before it is validated against what it was given.</summary>
public sealed record GuardReview(IReadOnlyList<ReviewedFinding> Findings, IReadOnlyList<AddedFinding> Added, IReadOnlyList<ToneReview> Tone);

/// <summary>Reviews the offline findings of a brand check with a model: better reasons, missed findings, tone; structured JSON.</summary>
public interface IBrandGuardReviewer
{
    Task<AiResult<GuardReview>> ReviewAsync(GuardReviewBrief brief, CancellationToken cancellationToken);
}
