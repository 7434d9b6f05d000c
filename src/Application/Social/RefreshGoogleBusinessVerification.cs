using System.Text.RegularExpressions;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>Asks Google again whether the location is verified (Verifications API <c>getVoiceOfMerchantState</c>).</summary>
public sealed record RefreshGoogleBusinessVerification(Guid Id) : ICommand<GoogleBusinessLocationDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class RefreshGoogleBusinessVerificationHandler(ITenantDb db, IGoogleBusinessLocations google, ISocialTokenProtector protector, TimeProvider clock)
    : ICommandHandler<RefreshGoogleBusinessVerification, GoogleBusinessLocationDto>
{
    public async ValueTask<GoogleBusinessLocationDto> Handle(RefreshGoogleBusinessVerification command, CancellationToken cancellationToken)
    {
        var location = await db.GoogleBusinessLocations.SingleOrDefaultAsync(l => l.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Google Business Profile location", command.Id);
        if (location.LocationName is not { } name)
        {
            throw new DomainRuleException("The location has not been created yet.", "state");
        }

        var connection = await db.SocialConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == location.ConnectionId, cancellationToken)
            ?? throw new DomainRuleException("The connection this location was created with is gone; connect Google Business Profile again.", "connection");
        var state = await google.GetVerificationAsync(name, protector.Unprotect(connection.Platform, connection.EncryptedAccessToken), cancellationToken)
            ?? throw new ExternalServiceException("Google Business Profile", "Google did not say whether the location is verified. Try again later.");
        location.RecordVerification(state, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return GoogleBusinessLocationDto.From(location);
    }
}
