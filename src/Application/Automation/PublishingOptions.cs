using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Application.Automation;

/// <summary>Section <c>Publishing</c>: how publishing retries, how long a run holds a post, and how often the sweep runs.</summary>
public sealed class PublishingOptions : IValidatableObject
{
    public const string Section = "Publishing";

    /// <summary>Runs with a transient failure before the post is marked Failed.</summary>
    [Range(1, 50)]
    public int MaxRuns { get; set; } = 8;

    /// <summary>The first backoff's ceiling; each further failure doubles it (full jitter draws below it).</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 30;

    [Range(0.01, 86_400)]
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>How long one request to a network may take before its answer counts as lost.</summary>
    [Range(1, 600)]
    public double RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long a run holds a post; past it, the sweep takes the post back. Longer than any request.</summary>
    [Range(2, 86_400)]
    public double LeaseSeconds { get; set; } = 180;

    /// <summary>How early (clock differences between nodes) a trigger may fire and still claim its post.</summary>
    [Range(0, 60)]
    public double EarlyToleranceSeconds { get; set; } = 2;

    /// <summary>How long past its time a Scheduled post without a trigger waits before the sweep schedules it.</summary>
    [Range(0, 3600)]
    public double SweepGraceSeconds { get; set; } = 30;

    /// <summary>Publishing exchanges (a post with its uploads, thread parts and first comment) one node has open with one network at once.</summary>
    [Range(1, 1000)]
    public int MaxExchangesPerNetwork { get; set; } = 48;

    /// <summary>Publishing exchanges one node has open with one connected account at once: networks limit posting per account.</summary>
    [Range(1, 100)]
    public int MaxExchangesPerAccount { get; set; } = 2;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Instagram makes two requests per post: a run must outlast both, or the sweep would take back a live run.
        if (LeaseSeconds < (RequestTimeoutSeconds * 2) + 1)
        {
            yield return new ValidationResult("Publishing:LeaseSeconds must exceed twice Publishing:RequestTimeoutSeconds.", [nameof(LeaseSeconds)]);
        }
    }

    /// <summary>Exponential backoff with full jitter: a random wait below base * 2^(runs-1), capped.</summary>
    public TimeSpan Backoff(int failedRuns) =>
        TimeSpan.FromSeconds(Random.Shared.NextDouble() * Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, failedRuns - 1))));
}
