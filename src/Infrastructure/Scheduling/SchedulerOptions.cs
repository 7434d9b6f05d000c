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

    /// <summary>
    /// Jobs one node runs at once. A publishing run spends nearly all its time waiting on a network's answer (100 ms to
    /// seconds) and holds no thread while it waits, so this is set for a peak of posts due at one minute, not for the
    /// cores; the networks and each connected account have their own, smaller limits (<see cref="Publishing.PublishingThrottle"/>).
    /// </summary>
    [Range(1, 500)]
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>Due posts (or Quartz triggers) a node takes in one round (never more than <see cref="MaxConcurrency"/>).</summary>
    [Range(1, 500)]
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// Connections Quartz's store may hold open on this node. It has its own pool (beside the application's), and at a
    /// peak every finishing job asks for one to record its end: the store's work is serialised on its lock row anyway,
    /// so a small pool waits in the process instead of filling PostgreSQL's connection slots with waiters.
    /// </summary>
    [Range(2, 100)]
    public int StoreMaxPoolSize { get; set; } = 8;

    /// <summary>
    /// How late a trigger may be and still be taken in the normal rounds (Quartz's misfire threshold). Quartz sets a
    /// later trigger aside for its misfire handler (<see cref="MisfireScanSeconds"/>), which hands it back at once: a
    /// post fires now, a repeating job skips what it missed instead of running every missed time in a row. 60 s is
    /// Quartz's default.
    /// </summary>
    [Range(5, 86400)]
    public double MisfireThresholdSeconds { get; set; } = 60;

    /// <summary>
    /// How often a node looks for triggers set aside as missed (Quartz's misfire handler frequency, one query when there
    /// are none). Quartz scans once per threshold unless told: at a peak minute, posts more than a minute late then
    /// waited up to another minute, and triggers missed while every node was down waited as long (bench/publish --peak).
    /// </summary>
    [Range(1, 3600)]
    public double MisfireScanSeconds { get; set; } = 10;

    /// <summary>How often a node checks in; a node silent for longer than the threshold is taken as dead and its work recovered.</summary>
    [Range(0.5, 600)]
    public double CheckinIntervalSeconds { get; set; } = 7.5;

    [Range(1, 3600)]
    public double CheckinMisfireThresholdSeconds { get; set; } = 20;

    /// <summary>How long an idle node waits before looking for triggers that other nodes wrote.</summary>
    [Range(0.1, 300)]
    public double IdleWaitSeconds { get; set; } = 10;

    /// <summary>
    /// How often a node with free places looks for posts that have come due (one indexed statement). A node that found a
    /// full batch looks again at once.
    /// </summary>
    [Range(0.05, 60)]
    public double PollSeconds { get; set; } = 1;

    /// <summary>
    /// How long a node holds the posts it took. It renews the lease every third of it while their runs are out, so another
    /// node takes them only after this node has stopped (killed, or cut off from the database) for this long.
    /// </summary>
    [Range(3, 3600)]
    public double ClaimLeaseSeconds { get; set; } = 30;

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
