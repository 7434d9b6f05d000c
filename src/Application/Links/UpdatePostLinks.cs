using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Links;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Links;

/// <summary>
/// Turns link shortening on or off for a post and sets its campaign. It applies when the post is published; links
/// already made for a published post keep their parameters.
/// </summary>
public sealed record UpdatePostLinks(Guid ContentItemId, bool ShortenLinks, string? Campaign) : ICommand<PostLinksDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UpdatePostLinksValidator : AbstractValidator<UpdatePostLinks>
{
    public UpdatePostLinksValidator()
    {
        RuleFor(x => x.Campaign).MaximumLength(PostLinkSettings.MaxCampaignLength)
            .WithMessage($"A campaign name has at most {PostLinkSettings.MaxCampaignLength} characters.")
            .Must(c => string.IsNullOrWhiteSpace(c) || UtmParameters.Slug(c).Length > 0)
            .WithMessage("A campaign name needs letters or digits.");
    }
}

public sealed class UpdatePostLinksHandler(
    ITenantDb db, ICatalogDb catalog, ITenantContext tenant, Microsoft.Extensions.Options.IOptions<LinkOptions> options, TimeProvider clock)
    : ICommandHandler<UpdatePostLinks, PostLinksDto>
{
    public async ValueTask<PostLinksDto> Handle(UpdatePostLinks command, CancellationToken cancellationToken)
    {
        if (!await db.ContentItems.AnyAsync(c => c.Id == command.ContentItemId, cancellationToken))
        {
            throw new NotFoundException("Post", command.ContentItemId);
        }

        var settings = await db.PostLinkSettings.SingleOrDefaultAsync(s => s.ContentItemId == command.ContentItemId, cancellationToken);
        if (settings is null)
        {
            settings = PostLinkSettings.For(command.ContentItemId);
            db.PostLinkSettings.Add(settings);
        }

        settings.Change(command.ShortenLinks, command.Campaign, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await PostLinksReader.ReadAsync(db, catalog, tenant.TenantId, options.Value.Prefix, command.ContentItemId, cancellationToken);
    }
}
