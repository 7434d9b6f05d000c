using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>Section <c>Scheduler</c>: the Quartz node this process runs in the cluster that shares the database.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Whether this process fires triggers. Off, it still writes them (for the nodes that are on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The cluster's name: every node of one deployment shares it (it is the <c>sched_name</c> of the rows).</summary>
    [Required]
    [MaxLength(100)]
    public string Name { get; set; } = "BrandAutomator";

    /// <summary>Jobs one node runs at once.</summary>
    [Range(1, 200)]
    public int MaxConcurrency { get; set; } = 10;

    /// <summary>Triggers a node takes from the store in one round.</summary>
    [Range(1, 200)]
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>How often a node checks in; a node silent for longer than the threshold is taken as dead and its work recovered.</summary>
    [Range(0.5, 600)]
    public double CheckinIntervalSeconds { get; set; } = 7.5;

    [Range(1, 3600)]
    public double CheckinMisfireThresholdSeconds { get; set; } = 20;

    /// <summary>How long an idle node waits before looking for triggers that other nodes wrote.</summary>
    [Range(0.1, 300)]
    public double IdleWaitSeconds { get; set; } = 10;

    /// <summary>How often the sweep runs.</summary>
    [Range(1, 3600)]
    public double SweepIntervalSeconds { get; set; } = 60;

    /// <summary>How often recurring posts are topped up to eight weeks ahead.</summary>
    [Range(1, 86400)]
    public double RecurringIntervalSeconds { get; set; } = 3600;

    /// <summary>How often connections about to expire are renewed with their refresh tokens.</summary>
    [Range(1, 86400)]
    public double ConnectionRefreshIntervalSeconds { get; set; } = 900;

    /// <summary>How far ahead of its expiry an access token is renewed; more than the interval, so none runs out between runs.</summary>
    [Range(1, 10080)]
    public double ConnectionRefreshAheadMinutes { get; set; } = 60;
}
