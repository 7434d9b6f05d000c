using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Queue;

/// <summary>
/// A weekly time at which a brand posts to a network, in the workspace's time zone ("Tuesdays at 09:00"): "add to
/// queue" puts a post in the next such time that no other post of the brand on that network holds.
/// </summary>
public sealed class QueueSlot : Entity<Guid>
{
    /// <summary>A brand has at most this many slots a week per network: more than ten a day is a spammer's queue.</summary>
    public const int MaxPerNetwork = 70;

    private QueueSlot()
    {
    }

    /// <summary>The brand; null for posts that name no brand.</summary>
    public Guid? CompanyId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    public DayOfWeek Day { get; private set; }

    /// <summary>The wall-clock time in the workspace's zone, to the minute.</summary>
    public TimeOnly Time { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static QueueSlot Create(Guid? companyId, SocialPlatform platform, DayOfWeek day, TimeOnly time, DateTimeOffset now)
    {
        if (!Enum.IsDefined(day))
        {
            throw new DomainRuleException("Choose a day of the week.", "day");
        }

        return new QueueSlot
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            Platform = platform,
            Day = day,
            Time = new TimeOnly(time.Hour, time.Minute),
            CreatedAt = now,
        };
    }
}
