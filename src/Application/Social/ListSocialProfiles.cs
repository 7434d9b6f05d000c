using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>A brand's public profile on one network (the brief's <c>social_profiles</c>).</summary>
public sealed record SocialProfileDto(
    Guid Id, Guid? CompanyId, SocialPlatform Platform, string ExternalAccountId, string Handle, string? ProfileUrl, bool Verified,
    Guid? ConnectionId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SocialProfileDto From(SocialProfile p) =>
        new(p.Id, p.CompanyId, p.Platform, p.ExternalAccountId, p.Handle, p.ProfileUrl, p.Verified, p.ConnectionId, p.CreatedAt, p.UpdatedAt);
}

public sealed record ListSocialProfiles(Guid? CompanyId) : IQuery<IReadOnlyList<SocialProfileDto>>;

public sealed class ListSocialProfilesHandler(ITenantDb db) : IQueryHandler<ListSocialProfiles, IReadOnlyList<SocialProfileDto>>
{
    public async ValueTask<IReadOnlyList<SocialProfileDto>> Handle(ListSocialProfiles query, CancellationToken cancellationToken)
    {
        var profiles = db.SocialProfiles.AsNoTracking();
        if (query.CompanyId is { } companyId)
        {
            profiles = profiles.Where(p => p.CompanyId == companyId);
        }

        return (await profiles.OrderBy(p => p.Platform).ThenBy(p => p.CreatedAt).ToListAsync(cancellationToken)).Select(SocialProfileDto.From).ToList();
    }
}
