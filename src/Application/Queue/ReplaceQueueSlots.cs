using System.Globalization;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Queue;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Queue;

/// <summary>
/// Sets a brand's weekly posting times on one network, replacing the ones it had. Posts already in the queue keep
/// their times: a member moves them by reordering.
/// </summary>
public sealed record ReplaceQueueSlots(Guid? CompanyId, SocialPlatform Platform, IReadOnlyList<QueueSlotInput> Slots)
    : ICommand<QueueSlotsDto>, IRequireRole, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    /// <summary>Reads <c>09:00</c>; null when it is not a time of day to the minute.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class ReplaceQueueSlotsValidator : AbstractValidator<ReplaceQueueSlots>
{
    public ReplaceQueueSlotsValidator()
    {
        RuleFor(x => x.Platform).IsInEnum().WithMessage("Choose a network.");
        RuleFor(x => x.Slots).NotNull().WithMessage("Give the posting times (an empty list removes them all).")
            .Must(s => s is null || s.Count <= QueueSlot.MaxPerNetwork)
            .WithMessage($"At most {QueueSlot.MaxPerNetwork} posting times a week per network.");
        RuleForEach(x => x.Slots).NotNull().WithMessage("Give a day and a time.").ChildRules(slot =>
        {
            slot.RuleFor(s => s.Day).IsInEnum().WithMessage("Choose a day of the week.");
        });
    }
}

public sealed class ReplaceQueueSlotsHandler(ITenantDb db, TenantTime time, TimeProvider clock)
    : ICommandHandler<ReplaceQueueSlots, QueueSlotsDto>
{
    public async ValueTask<QueueSlotsDto> Handle(ReplaceQueueSlots command, CancellationToken cancellationToken)
    {
        await QueueReader.EnsureBrandAsync(db, command.CompanyId, cancellationToken);
        var now = clock.GetUtcNow();
        // Read here rather than in the validator, after the brand: another workspace's brand is a 404 whatever the times say.
        var wanted = command.Slots
            .Select((s, i) => (s.Day, Time: ReplaceQueueSlots.ParseTime(s.Time) ?? throw InputValidationException.For(
                $"slots[{i}].time", "Write the time as 09:00 (hours and minutes, 24-hour clock).")))
            .Distinct()
            .ToList();

        await db.LockAsync(TenantLock.Queue, cancellationToken);
        var existing = await db.QueueSlots
            .Where(s => s.CompanyId == command.CompanyId && s.Platform == command.Platform)
            .ToListAsync(cancellationToken);
        // Unchanged times keep their rows; the others go or come.
        db.QueueSlots.RemoveRange(existing.Where(s => !wanted.Contains((s.Day, s.Time))));
        db.QueueSlots.AddRange(wanted
            .Where(w => !existing.Any(s => s.Day == w.Day && s.Time == w.Time))
            .Select(w => QueueSlot.Create(command.CompanyId, command.Platform, w.Day, w.Time, now)));
        await db.SaveChangesAsync(cancellationToken);

        var slots = await db.QueueSlots.AsNoTracking().Where(s => s.CompanyId == command.CompanyId).ToListAsync(cancellationToken);
        return new QueueSlotsDto(command.CompanyId, (await time.ZoneAsync(cancellationToken)).Id, slots
            .OrderBy(s => s.Platform).ThenBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Time)
            .Select(QueueSlotDto.From).ToList());
    }
}
