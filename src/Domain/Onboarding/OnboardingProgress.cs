using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Onboarding;

/// <summary>
/// Where the tenant is in the five-step wizard. Steps are identified by number: 1 company basics, 2 audience and core
/// problem, 3 brand voice, 4 vision, mission, values and positioning, 5 assets; the wizard walks them in
/// <see cref="Order"/>, which puts the uploads before the strategy so that the strategy's AI draft can use the documents.
/// Steps may be done in any order and revisited; the wizard is complete once all five are. One per tenant schema.
/// </summary>
public sealed class OnboardingProgress
{
    public const int StepCount = 5;
    public const int SingletonId = 1;

    /// <summary>
    /// The order the wizard walks the steps in. The numbers stay what they were when the strategy came fourth, so that
    /// progress recorded before the uploads moved keeps its meaning: a tenant who had done the strategy has still done it.
    /// </summary>
    public static readonly IReadOnlyList<int> Order = [1, 2, 3, 5, 4];

    private List<int> _completedSteps = [];

    private OnboardingProgress()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public Guid? CompanyId { get; private set; }

    public int CurrentStep { get; private set; } = 1;

    public IReadOnlyList<int> CompletedSteps => _completedSteps;

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    public static OnboardingProgress Start(DateTimeOffset now) => new() { UpdatedAt = now };

    public void AttachCompany(Guid companyId) => CompanyId ??= companyId;

    /// <summary>Records a finished step and moves on to the first step still open.</summary>
    public void Complete(int step, DateTimeOffset now)
    {
        EnsureStep(step, "step");
        if (!_completedSteps.Contains(step))
        {
            _completedSteps = [.. _completedSteps.Append(step).Order()];
        }

        CurrentStep = Order.FirstOrDefault(s => !_completedSteps.Contains(s), Order[^1]);
        if (_completedSteps.Count == StepCount && CompletedAt is null)
        {
            CompletedAt = now;
        }

        UpdatedAt = now;
    }

    /// <summary>Where the user left off, so that the wizard resumes there.</summary>
    public void MoveTo(int step, DateTimeOffset now)
    {
        EnsureStep(step, "currentStep");
        CurrentStep = step;
        UpdatedAt = now;
    }

    private static void EnsureStep(int step, string field)
    {
        if (step is < 1 or > StepCount)
        {
            throw new DomainRuleException($"Steps are numbered 1 to {StepCount}.", field);
        }
    }
}
