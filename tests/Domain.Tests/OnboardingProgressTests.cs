using BrandAutomator.Domain.Onboarding;

namespace BrandAutomator.Domain.Tests;

public sealed class OnboardingProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_uploads_come_before_the_strategy_so_that_its_ai_draft_can_use_them()
    {
        var progress = OnboardingProgress.Start(Now);
        foreach (var step in new[] { 1, 2, 3 })
        {
            progress.Complete(step, Now);
        }

        Assert.Equal(5, progress.CurrentStep);
        progress.Complete(5, Now);
        Assert.Equal(4, progress.CurrentStep);
        progress.Complete(4, Now);
        Assert.True(progress.IsCompleted);
    }

    [Fact]
    public void Progress_recorded_in_the_old_order_keeps_its_meaning()
    {
        // A tenant who did the strategy (4) before the uploads moved ahead of it: the strategy stays done, the uploads are next.
        var progress = OnboardingProgress.Start(Now);
        foreach (var step in new[] { 1, 2, 3, 4 })
        {
            progress.Complete(step, Now);
        }

        Assert.Equal(5, progress.CurrentStep);
        Assert.False(progress.IsCompleted);
        progress.Complete(5, Now);
        Assert.True(progress.IsCompleted);
        Assert.Equal([1, 2, 3, 4, 5], progress.CompletedSteps);
    }
}
