using BrandAutomator.Application.Companies;
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
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var variants = ContentVariantDto.ToDomain(command.Variants);
        await ContentReader.AssetTypesAsync(db, variants, cancellationToken);
        var at = command.At is { Length: > 0 } text ? TenantTime.Parse(text, zone, "at") : (DateTimeOffset?)null;
        item.Edit(command.CompanyId, command.Title, variants, at, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, zone, clock.GetUtcNow(), cancellationToken);
    }
}
