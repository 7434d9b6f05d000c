using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>Another take on one kit: new texts and handle ideas, images redrawn from the current logo and colours.</summary>
public sealed record RegenerateSocialProfileKit(Guid Id) : ICommand<SocialProfileKitDto>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;
}

public sealed class RegenerateSocialProfileKitHandler(ITenantDb db, ProfileKitBuilder builder, ProfileKitReader reader)
    : ICommandHandler<RegenerateSocialProfileKit, SocialProfileKitDto>
{
    public async ValueTask<SocialProfileKitDto> Handle(RegenerateSocialProfileKit command, CancellationToken cancellationToken)
    {
        var kit = await db.SocialProfileKits.SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Profile kit", command.Id);
        var company = await db.Companies.SingleAsync(c => c.Id == kit.CompanyId, cancellationToken);
        await builder.BuildAsync(company, [kit], kit.Version, cancellationToken);
        return (await reader.ToDtosAsync([kit], cancellationToken))[0];
    }
}
