using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>
/// Whether posts need an admin's approval before they can be scheduled, and whether an admin may approve their own
/// (null: unchanged).
/// </summary>
public sealed record UpdateContentSettings(bool ApprovalRequired, bool? AdminsMayApproveOwnPosts = null) : ICommand<ContentSettingsDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class UpdateContentSettingsHandler(ITenantDb db, TenantTime time, TimeProvider clock)
    : ICommandHandler<UpdateContentSettings, ContentSettingsDto>
{
    public async ValueTask<ContentSettingsDto> Handle(UpdateContentSettings command, CancellationToken cancellationToken)
    {
        var settings = await db.TenantSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = TenantSettings.Defaults(clock.GetUtcNow());
            db.TenantSettings.Add(settings);
        }

        settings.RequireApproval(
            command.ApprovalRequired, command.AdminsMayApproveOwnPosts ?? settings.AdminsMayApproveOwnPosts, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new ContentSettingsDto(settings.ApprovalRequired, settings.AdminsMayApproveOwnPosts, (await time.ZoneAsync(cancellationToken)).Id);
    }
}
