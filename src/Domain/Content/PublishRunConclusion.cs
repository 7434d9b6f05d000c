using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>What one network answered in a publishing run.</summary>
public sealed record NetworkResult(SocialPlatform Platform, PublishOutcome Outcome, string? PostId, string? Message, TimeSpan? RetryAfter);

public enum RunConclusion
{
    Published,
    /// <summary>Scheduled again at <see cref="PublishRunConclusion.RetryAt"/>.</summary>
    RetryLater,
    Unconfirmed,
    Failed,
}

/// <summary>How a publishing run ended for the post, and the reason recorded on it.</summary>
public sealed record PublishRunConclusion(RunConclusion Conclusion, string Reason, DateTimeOffset? RetryAt);
