using System.Globalization;
using BrandAutomator.Domain.Queue;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Queue;

/// <summary>A weekly posting time: <see cref="Time"/> is the wall-clock time (<c>09:00</c>) in the workspace's zone.</summary>
public sealed record QueueSlotDto(Guid Id, Guid? CompanyId, SocialPlatform Platform, DayOfWeek Day, string Time)
{
    public static QueueSlotDto From(QueueSlot slot) =>
        new(slot.Id, slot.CompanyId, slot.Platform, slot.Day, slot.Time.ToString("HH:mm", CultureInfo.InvariantCulture));
}

/// <summary>One posting time as a member sets it: a day and a wall-clock time such as <c>09:00</c>.</summary>
public sealed record QueueSlotInput(DayOfWeek Day, string Time);

/// <summary>A brand's posting times on every network, in the workspace's <see cref="TimeZone"/>.</summary>
public sealed record QueueSlotsDto(Guid? CompanyId, string TimeZone, IReadOnlyList<QueueSlotDto> Slots);

/// <summary>
/// One place in a brand's queue on a network: a posting time (<see cref="IsSlot"/>) with the post that holds it, if
/// any, or a post scheduled at a time of its own. <see cref="Local"/> is the instant in the workspace's zone.
/// </summary>
public sealed record QueueEntryDto(DateTimeOffset At, string Local, bool IsSlot, Guid? PostId, string? Title);

/// <summary>A brand's queue on one network, from now on.</summary>
public sealed record QueueDto(Guid? CompanyId, SocialPlatform Platform, string TimeZone, IReadOnlyList<QueueEntryDto> Entries);
