using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>Whether posts need an admin's approval before they can be scheduled.</summary>
public sealed record UpdateContentSettings(bool ApprovalRequired) : ICommand<ContentSettingsDto>, IRequireRole
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

        settings.RequireApproval(command.ApprovalRequired, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new ContentSettingsDto(settings.ApprovalRequired, (await time.ZoneAsync(cancellationToken)).Id);
    }
}
