using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Application.Webhooks;

/// <summary>Section <c>Webhooks</c>: how outbound webhooks are delivered, retried and given up on.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How often the delivery job looks for events and due retries.</summary>
    [Range(0.2, 300)]
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long one request to a receiver may take; past it the attempt failed and is retried.</summary>
    [Range(1, 60)]
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>The first retry waits about this long; each further failure doubles it (with jitter), up to the maximum.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 30;

    [Range(1, 86_400)]
    public double RetryMaxSeconds { get; set; } = 3 * 3600;

    /// <summary>How long after its first attempt a delivery is retried; then it is given up (a manual redelivery starts again).</summary>
    [Range(0.01, 168)]
    public double RetryWindowHours { get; set; } = 24;

    /// <summary>An endpoint turns itself off after this many failed attempts in a row...</summary>
    [Range(1, 100_000)]
    public int DisableAfterConsecutiveFailures { get; set; } = 200;

    /// <summary>...or when every attempt has failed for this long.</summary>
    [Range(0.01, 720)]
    public double DisableAfterFailingHours { get; set; } = 24;

    /// <summary>Deliveries one round of the job sends, and how many of them at once.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan RetryWindow => TimeSpan.FromHours(RetryWindowHours);

    public TimeSpan DisableAfterFailing => TimeSpan.FromHours(DisableAfterFailingHours);

    /// <summary>
    /// The wait before retry <paramref name="attempt"/>+1: base x 2^(attempt-1), capped, of which a random half is kept
    /// ("equal jitter": retries of many receivers spread out, yet each wait still grows).
    /// </summary>
    public TimeSpan Backoff(int attempt, double random)
    {
        var ceiling = Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromSeconds(ceiling / 2 + ceiling / 2 * random);
    }
}
