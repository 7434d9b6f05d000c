using BrandAutomator.Application.Companies;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>
/// A new post, as a draft. <see cref="At"/> (optional) places it in the calendar: a wall-clock time in the workspace's
/// time zone (<c>2026-10-24T09:00</c>) or an instant with an offset. Scheduling it is a separate step.
/// </summary>
public sealed record CreateContent(Guid? CompanyId, string Title, IReadOnlyList<ContentVariantDto> Variants, string? At)
    : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class CreateContentValidator : AbstractValidator<CreateContent>
{
    public CreateContentValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(ContentItem.MaxTitleLength);
        RuleFor(x => x.Variants).NotNull()
            .Must(v => v is null || v.Count <= ContentItem.MaxVariants).WithMessage($"At most {ContentItem.MaxVariants} variants, one per network.");
        RuleForEach(x => x.Variants).SetValidator(new ContentVariantValidator());
    }
}

public sealed class CreateContentHandler(ITenantDb db, ICurrentUser user, TenantTime time, TimeProvider clock)
    : ICommandHandler<CreateContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(CreateContent command, CancellationToken cancellationToken)
    {
        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var variants = ContentVariantDto.ToDomain(command.Variants);
        await ContentReader.AssetTypesAsync(db, variants, cancellationToken);
        var at = command.At is { Length: > 0 } text ? TenantTime.Parse(text, zone, "at") : (DateTimeOffset?)null;
        var item = ContentItem.Create(command.CompanyId, command.Title, variants, at, user.UserId, clock.GetUtcNow());
        db.ContentItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return ContentItemDto.From(item, zone);
    }
}
