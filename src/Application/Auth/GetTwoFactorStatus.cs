using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>Whether the caller signs in with a second factor, and how many recovery codes they have left.</summary>
public sealed record GetTwoFactorStatus : IQuery<TwoFactorStatusDto>;

public sealed class GetTwoFactorStatusHandler(ICatalogDb catalog, IIdentityService identity, ITwoFactorAccounts twoFactor, ICurrentUser currentUser)
    : IQueryHandler<GetTwoFactorStatus, TwoFactorStatusDto>
{
    public async ValueTask<TwoFactorStatusDto> Handle(GetTwoFactorStatus query, CancellationToken cancellationToken)
    {
        var user = (await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).Single();
        var required = await catalog.Tenants.Where(t => t.Id == currentUser.TenantId).Select(t => t.RequiresTwoFactor).SingleAsync(cancellationToken);
        var left = user.TwoFactorEnabled ? await twoFactor.RecoveryCodesLeftAsync(user.Id, cancellationToken) : 0;
        return new TwoFactorStatusDto(user.TwoFactorEnabled, left, required);
    }
}
