using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>
/// Sets the kit's texts on the company's connected account where the network's API allows it (Facebook Page about,
/// Business Profile description). Other networks have no such API; their texts are pasted by hand.
/// </summary>
public sealed record PushSocialProfileKit(Guid Id) : ICommand<SocialProfileKitDto>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;
}

public sealed class PushSocialProfileKitHandler(
    ITenantDb db, IProfilePusher pusher, ISocialTokenProtector protector, ProfileKitBuilder builder, ProfileKitReader reader, TimeProvider clock)
    : ICommandHandler<PushSocialProfileKit, SocialProfileKitDto>
{
    public async ValueTask<SocialProfileKitDto> Handle(PushSocialProfileKit command, CancellationToken cancellationToken)
    {
        var kit = await db.SocialProfileKits.SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Profile kit", command.Id);
        if (!pusher.CanPush(kit.Platform))
        {
            throw new DomainRuleException($"{kit.Platform.DisplayName()} offers no API to set profile texts; paste them from the kit.");
        }

        var connection = await db.SocialConnections
            .Where(c => c.Platform == kit.Platform && (c.CompanyId == kit.CompanyId || c.CompanyId == null) &&
                        (c.Status == ConnectionStatus.Active || c.Status == ConnectionStatus.Expired))
            .OrderByDescending(c => c.CompanyId == kit.CompanyId).ThenByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException($"Connect the {kit.Platform.DisplayName()} account first.");
        var token = protector.Unprotect(connection.Platform, connection.EncryptedAccessToken);
        var result = await pusher.PushAsync(
            new ProfilePushRequest(kit.Platform, connection.ExternalAccountId, token, kit.Texts.ToDictionary(t => t.Key, t => t.Text), kit.Link),
            cancellationToken);
        var now = clock.GetUtcNow();
        if (result.TokenRejected)
        {
            connection.RequireReconnect(result.Message, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!result.Succeeded)
        {
            throw new ExternalServiceException(kit.Platform.DisplayName(), result.Message);
        }

        kit.MarkPushed(result.Message, now);
        var company = await db.Companies.SingleAsync(c => c.Id == kit.CompanyId, cancellationToken);
        await builder.SyncTasksAsync(company, [kit], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await reader.ToDtosAsync([kit], cancellationToken))[0];
    }
}
