using BrandAutomator.Application.Ai;
using BrandAutomator.Application.BrandGuard;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// Offline there is no model to review the brand check: the offline findings are the answer, labelled so. Never called
/// (the brand guard asks for a review only with a model configured); it reviews nothing, at no cost.
/// </summary>
public sealed class OfflineBrandGuardReviewer : IBrandGuardReviewer
{
    public Task<AiResult<GuardReview>> ReviewAsync(GuardReviewBrief brief, CancellationToken cancellationToken) =>
        Task.FromResult(new AiResult<GuardReview>(new GuardReview([], [], []), AiTokenUsage.None));
}
