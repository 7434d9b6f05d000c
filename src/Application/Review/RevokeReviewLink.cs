using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Review;

/// <summary>An admin revokes a review link: from the next request on, it answers "not found" to everyone.</summary>
public sealed record RevokeReviewLink(Guid Id) : ICommand<ReviewLinkDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class RevokeReviewLinkHandler(
    ICatalogDb catalog, ITenantDb db, ICurrentUser currentUser, TenantTime time, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RevokeReviewLink, ReviewLinkDto>
{
    public async ValueTask<ReviewLinkDto> Handle(RevokeReviewLink command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await catalog.ReviewLinks.SingleOrDefaultAsync(l => l.Id == command.Id && l.TenantId == currentUser.TenantId, cancellationToken)
            ?? throw new NotFoundException("Review link", command.Id);
        if (link.RevokedAt is null)
        {
            link.Revoke(currentUser.UserId, now);
            await catalog.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(AuditEventType.ReviewLinkRevoked, link.TenantId, currentUser.UserId,
                $"Revoked review link '{link.Name}'.", cancellationToken);
        }

        var zone = await time.ZoneAsync(cancellationToken);
        return (await ReviewLinkReader.ToDtosAsync(db, [link], zone, now, cancellationToken))[0];
    }
}
