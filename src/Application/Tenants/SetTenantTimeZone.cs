using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

public sealed record TenantTimeZoneDto(string TimeZone, string CurrentOffset);

/// <summary>
/// Sets the IANA time zone in which the tenant's members enter and read times. Times already scheduled keep their UTC
/// instant: a post planned for an instant does not move because the display zone changed.
/// </summary>
public sealed record SetTenantTimeZone(Guid TenantId, string TimeZone) : ICommand<TenantTimeZoneDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class SetTenantTimeZoneHandler(ICatalogDb catalog, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetTenantTimeZone, TenantTimeZoneDto>
{
    public async ValueTask<TenantTimeZoneDto> Handle(SetTenantTimeZone command, CancellationToken cancellationToken)
    {
        // The tenant first, the value second: another tenant's id is a 404 whatever the body says.
        currentUser.EnsureIs(command.TenantId);
        // Checked here rather than in a validator for that reason; only IANA ids, so that every client can read it.
        var zone = TenantTime.Find(command.TimeZone?.Trim());
        if (zone is null || !zone.HasIanaId)
        {
            throw InputValidationException.For("timeZone", "Give an IANA time zone such as Europe/Berlin or America/New_York.");
        }

        var tenant = await catalog.Tenants.SingleOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken)
            ?? throw new NotFoundException("Tenant", command.TenantId);
        tenant.SetTimeZone(zone.Id);
        await catalog.SaveChangesAsync(cancellationToken);
        return new TenantTimeZoneDto(zone.Id, TenantTime.ToLocalText(clock.GetUtcNow(), zone)[^6..]);
    }
}
