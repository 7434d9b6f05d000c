using BrandAutomator.Application.Common.Ports;
using Mediator;

namespace BrandAutomator.Application.Content;

public sealed record GetContentSettings : IQuery<ContentSettingsDto>;

public sealed class GetContentSettingsHandler(ITenantDb db, TenantTime time) : IQueryHandler<GetContentSettings, ContentSettingsDto>
{
    public async ValueTask<ContentSettingsDto> Handle(GetContentSettings query, CancellationToken cancellationToken) =>
        new(
            await ContentReader.ApprovalRequiredAsync(db, cancellationToken),
            await ContentReader.AdminsMayApproveOwnPostsAsync(db, cancellationToken),
            (await time.ZoneAsync(cancellationToken)).Id);
}
