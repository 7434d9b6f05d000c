using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>Replaces a post's title, variants and planned time; it goes back to Draft (an approval covered the old text).</summary>
public sealed record UpdateContent(Guid Id, Guid? CompanyId, string Title, IReadOnlyList<ContentVariantDto> Variants, string? At)
    : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UpdateContentValidator : AbstractValidator<UpdateContent>
{
    public UpdateContentValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(ContentItem.MaxTitleLength);
        RuleFor(x => x.Variants).NotNull()
            .Must(v => v is null || v.Count <= ContentItem.MaxVariants).WithMessage($"At most {ContentItem.MaxVariants} variants, one per network.");
        RuleForEach(x => x.Variants).SetValidator(new ContentVariantValidator());
    }
}

public sealed class UpdateContentHandler(ITenantDb db, TenantTime time, TimeProvider clock) : ICommandHandler<UpdateContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(UpdateContent command, CancellationToken cancellationToken)
    {
        var item = await ContentRules.LoadAsync(db, command.Id, cancellationToken);
        await ContentRules.EnsureCompanyAsync(db, command.CompanyId, cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var variants = ContentRules.ToDomain(command.Variants);
        await ContentRules.AssetTypesAsync(db, variants, cancellationToken);
        var at = command.At is { Length: > 0 } text ? TenantTime.Parse(text, zone, "at") : (DateTimeOffset?)null;
        item.Edit(command.CompanyId, command.Title, variants, at, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ContentRules.ToDtoAsync(db, item, zone, cancellationToken);
    }
}

/// <summary>Deletes a post (and its trigger, so it is never sent); not while it is being published.</summary>
public sealed record DeleteContent(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class DeleteContentHandler(ITenantDb db, Automation.IPublishScheduler scheduler) : ICommandHandler<DeleteContent>
{
    public async ValueTask<Unit> Handle(DeleteContent command, CancellationToken cancellationToken)
    {
        var item = await ContentRules.LoadAsync(db, command.Id, cancellationToken);
        item.EnsureCanDelete();
        db.ContentItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        // After the row is gone: a trigger left behind by a failure here finds nothing to claim.
        await scheduler.UnscheduleAsync(item.Id, cancellationToken);
        return Unit.Value;
    }
}
