using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>Reads profile kits as the SPA shows them: images as signed links, the set-up steps left, whether a push is possible.</summary>
public sealed class ProfileKitReader(ITenantDb db, IFileStorage storage, IAiProvider provider, IProfilePusher pusher)
{
    public async Task<IReadOnlyList<SocialProfileKitDto>> ToDtosAsync(IReadOnlyList<SocialProfileKit> kits, CancellationToken cancellationToken)
    {
        var ids = kits.Select(k => k.Id).ToList();
        var tasks = await db.AutomationTasks.AsNoTracking()
            .Where(t => t.Kind == AutomationTask.ProfileSetupKind && t.SubjectId != null && ids.Contains(t.SubjectId.Value)).ToListAsync(cancellationToken);
        var connectedByCompany = new Dictionary<Guid, HashSet<SocialPlatform>>();
        foreach (var companyId in kits.Select(k => k.CompanyId).Distinct())
        {
            connectedByCompany[companyId] = await ConnectedPlatformsAsync(companyId, cancellationToken);
        }

        return kits.Select(k =>
        {
            var spec = k.Spec;
            var task = tasks.FirstOrDefault(t => t.SubjectId == k.Id);
            var offline = k.AiProvider == AiProviderInfo.OfflineName;
            var source = new AiSourceDto(k.AiProvider, offline ? "offline-templates" : provider.Info.Model, offline,
                offline ? new AiProviderInfo(AiProviderInfo.OfflineName, "", "").Note : null, false);
            return new SocialProfileKitDto(
                k.Id, k.CompanyId, k.Platform, k.Platform.DisplayName(), k.DisplayName, spec.MaxDisplayNameLength, k.Handles,
                spec.Handle is { } rule ? $"{rule.MinLength}-{rule.MaxLength} characters: {rule.Characters}" : null, spec.HandleUrlPrefix,
                k.Texts.Select(t => new ProfileKitTextDto(t.Key, t.Label, t.Text, t.MaxLength, t.Length, t.Shortened)).ToList(),
                Image(spec.AvatarLabel, k.Avatar), k.Banner is null ? null : Image(spec.BannerLabel!, k.Banner), k.Link, source, k.Version,
                pusher.CanPush(k.Platform) && connectedByCompany[k.CompanyId].Contains(k.Platform), k.PushedAt, k.PushResult,
                task?.Id, task?.RemainingSteps ?? k.RemainingSteps(false), k.CreatedAt, k.UpdatedAt);
        }).ToList();
    }

    /// <summary>The networks the company has a connection for that can publish (a connection without a company counts for every company).</summary>
    public async Task<HashSet<SocialPlatform>> ConnectedPlatformsAsync(Guid companyId, CancellationToken cancellationToken) =>
        (await db.SocialConnections.AsNoTracking()
            .Where(c => (c.CompanyId == companyId || c.CompanyId == null) &&
                        (c.Status == ConnectionStatus.Active || c.Status == ConnectionStatus.Expired))
            .Select(c => c.Platform).ToListAsync(cancellationToken)).ToHashSet();

    private ProfileKitImageDto Image(string label, ProfileKitImage image) =>
        new(label, image.Width, image.Height, storage.CreateSignedUrl(image.StorageKey, storage.DefaultLinkLifetime, LinkAudience.Browser));
}
