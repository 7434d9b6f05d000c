using System.Globalization;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Recurring;

/// <summary>
/// "This and following": from occurrence <see cref="Index"/> on, the series posts the new title and variants, at
/// <see cref="Time"/> (<c>HH:mm</c> in the workspace's zone; the old time of day when left out). The old series ends
/// before that occurrence; its posts from there on that have not gone out are replaced by the new series' posts.
/// </summary>
public sealed record ContinueRecurringSeries(Guid Id, int Index, string Title, IReadOnlyList<ContentVariantDto> Variants, string? Time)
    : ICommand<RecurringSeriesDto>, IRequireRole, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class ContinueRecurringSeriesValidator : AbstractValidator<ContinueRecurringSeries>
{
    public ContinueRecurringSeriesValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(ContentItem.MaxTitleLength);
        RuleFor(x => x.Variants).NotNull().NotEmpty().WithMessage("Choose at least one network.")
            .Must(v => v is null || v.Count <= ContentItem.MaxVariants).WithMessage($"At most {ContentItem.MaxVariants} variants, one per network.");
        RuleForEach(x => x.Variants).SetValidator(new ContentVariantValidator());
    }
}

public sealed class ContinueRecurringSeriesHandler(
    ITenantDb db, ICurrentUser user, CommandTransaction transaction, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<ContinueRecurringSeries, RecurringSeriesDto>
{
    public async ValueTask<RecurringSeriesDto> Handle(ContinueRecurringSeries command, CancellationToken cancellationToken)
    {
        var zone = await time.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var variants = ContentVariantDto.ToDomain(command.Variants);

        await db.LockAsync(TenantLock.Recurring, cancellationToken);
        var series = await RecurringReader.LoadAsync(db, command.Id, cancellationToken);
        await ContentReader.AssetTypesAsync(db, variants, cancellationToken);
        var occurrence = series.Occurrences(zone, DateTimeOffset.MaxValue).Where(o => o.Index == command.Index).Select(o => (DateTime?)o.Local)
            .FirstOrDefault() ?? throw new NotFoundException("Post of the series", command.Index);
        var replaced = await db.ContentItems.Where(c => c.SeriesId == series.Id && c.SeriesIndex >= command.Index).ToListAsync(cancellationToken);
        if (replaced.Any(c => c.State is ContentState.Publishing or ContentState.Published))
        {
            throw new DomainRuleException("A post from there on has already gone out: change the series from a later post.", "index");
        }

        // Checked once the series is known to be this workspace's: another's is "not found" whatever else is wrong.
        TimeOnly? timeOfDay = null;
        if (command.Time is { } text)
        {
            timeOfDay = TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw InputValidationException.For("time", "Write the time as 09:30.");
        }
        var next = series.ContinueFrom(command.Index, occurrence, command.Title, variants, timeOfDay, user.UserId, now);
        if (TenantTime.ToUtc(next.FirstLocal, zone, "time") < now - ContentItem.PastTolerance)
        {
            throw new DomainRuleException("That post's time has passed: change the series from a later post.", "index");
        }

        db.ContentItems.RemoveRange(replaced);
        db.RecurringSeries.Add(next);
        var triggers = await RecurringOccurrences.MakeAsync(db, [next], zone, now, cancellationToken);
        await ContentChanges.SaveOrConflictAsync(db, cancellationToken);
        transaction.AfterCommit(async ct =>
        {
            foreach (var old in replaced)
            {
                await scheduler.UnscheduleAsync(old.Id, ct);
            }

            if (triggers.Count > 0)
            {
                await scheduler.ScheduleNewAsync(triggers, ct);
            }
        });

        return await RecurringReader.ToDtoAsync(db, next, zone, cancellationToken);
    }
}
