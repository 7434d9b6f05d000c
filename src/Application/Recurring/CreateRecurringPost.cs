using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Companies;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Recurring;

/// <summary>
/// A recurring post from the composer: the post, its first time (<see cref="Start"/>, a wall-clock time in the workspace's
/// zone) and how it repeats. The occurrences of the coming eight weeks are made at once, each a post of its own.
/// </summary>
public sealed record CreateRecurringPost(
    Guid? CompanyId, string Title, IReadOnlyList<ContentVariantDto> Variants, string Start, RepeatRuleDto Repeat)
    : ICommand<RecurringSeriesDto>, IRequireRole, IRequireEntitlement, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;

    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class CreateRecurringPostValidator : AbstractValidator<CreateRecurringPost>
{
    public CreateRecurringPostValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(ContentItem.MaxTitleLength);
        RuleFor(x => x.Variants).NotNull().NotEmpty().WithMessage("Choose at least one network.")
            .Must(v => v is null || v.Count <= ContentItem.MaxVariants).WithMessage($"At most {ContentItem.MaxVariants} variants, one per network.");
        RuleForEach(x => x.Variants).SetValidator(new ContentVariantValidator());
        RuleFor(x => x.Start).NotEmpty().WithMessage("Choose the day and time of the first post.");
        RuleFor(x => x.Repeat).NotNull().WithMessage("Say how the post repeats.");
        RuleFor(x => x.Repeat.Frequency).IsInEnum().When(x => x.Repeat is not null).OverridePropertyName("repeat.frequency");
        RuleForEach(x => x.Repeat.Weekdays).IsInEnum().When(x => x.Repeat?.Weekdays is not null).OverridePropertyName("repeat.weekdays");
    }
}

public sealed class CreateRecurringPostHandler(
    ITenantDb db, ICurrentUser user, CommandTransaction transaction, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<CreateRecurringPost, RecurringSeriesDto>
{
    public async ValueTask<RecurringSeriesDto> Handle(CreateRecurringPost command, CancellationToken cancellationToken)
    {
        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var start = RecurringReader.ParseLocal(command.Start, zone, "start");
        if (TenantTime.ToUtc(start, zone, "start") < now - ContentItem.PastTolerance)
        {
            throw Common.Errors.InputValidationException.For("start", "Choose a time in the future for the first post.");
        }

        var variants = ContentVariantDto.ToDomain(command.Variants);
        await ContentReader.AssetTypesAsync(db, variants, cancellationToken);
        var series = RecurringSeries.Create(command.CompanyId, command.Title, variants, command.Repeat.ToDomain(), start, user.UserId, now);

        await db.LockAsync(TenantLock.Recurring, cancellationToken);
        db.RecurringSeries.Add(series);
        var triggers = await RecurringOccurrences.MakeAsync(db, [series], zone, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // After the commit: a trigger that fails to be written is made good by the sweep once the post is overdue.
        if (triggers.Count > 0)
        {
            transaction.AfterCommit(ct => scheduler.ScheduleNewAsync(triggers, ct));
        }

        return await RecurringReader.ToDtoAsync(db, series, zone, cancellationToken);
    }
}
