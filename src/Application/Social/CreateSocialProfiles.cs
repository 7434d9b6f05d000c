using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>
/// Makes a profile kit for each network asked: the brand's name, handle ideas that pass the network's rules, texts in
/// the brand's voice within its limits, avatar and banner at its exact sizes, the website, and a set-up task with the
/// steps only the user can do. A network that already has a kit for the company gets it rebuilt.
/// </summary>
public sealed record CreateSocialProfiles(Guid CompanyId, IReadOnlyList<SocialPlatform> Platforms)
    : ICommand<IReadOnlyList<SocialProfileKitDto>>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;
}

public sealed class CreateSocialProfilesValidator : AbstractValidator<CreateSocialProfiles>
{
    public CreateSocialProfilesValidator()
    {
        RuleFor(x => x.CompanyId).NotEmpty();
        RuleFor(x => x.Platforms).NotEmpty().WithMessage("Choose at least one platform.");
        RuleForEach(x => x.Platforms).IsInEnum();
    }
}

public sealed class CreateSocialProfilesHandler(
    ITenantDb db, ICurrentUser user, ProfileKitBuilder builder, ProfileKitReader reader, TimeProvider clock)
    : ICommandHandler<CreateSocialProfiles, IReadOnlyList<SocialProfileKitDto>>
{
    public async ValueTask<IReadOnlyList<SocialProfileKitDto>> Handle(CreateSocialProfiles command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == command.CompanyId, cancellationToken)
            ?? throw new NotFoundException("Company", command.CompanyId);
        var platforms = command.Platforms.Distinct().ToList();
        var existing = await db.SocialProfileKits.Where(k => k.CompanyId == company.Id && platforms.Contains(k.Platform)).ToListAsync(cancellationToken);
        var kits = platforms.Select(p => existing.FirstOrDefault(k => k.Platform == p) ?? New(company, p)).ToList();
        var variant = existing.Count == 0 ? 0 : existing.Max(k => k.Version);
        await builder.BuildAsync(company, kits, variant, cancellationToken);
        return await reader.ToDtosAsync(kits, cancellationToken);

        SocialProfileKit New(Company c, SocialPlatform platform)
        {
            var kit = SocialProfileKit.Start(c.Id, platform, user.UserId, clock.GetUtcNow());
            db.SocialProfileKits.Add(kit);
            return kit;
        }
    }
}
