using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>
/// Builds profile kits (texts in the brand's voice, avatar and banner images) and keeps each kit's set-up task up to
/// date; shared by the create, regenerate and push use cases.
/// </summary>
public sealed class ProfileKitBuilder(
    ITenantDb db, ITenantContext tenant, IFileStorage storage, IProfileImageRenderer renderer, IProfileBioWriter writer, IAiProvider provider,
    CachedAiCall ai, ProfileKitReader reader, TimeProvider clock)
{
    public const string Kind = "profile-bios";

    /// <summary>(Re)builds the kits of <paramref name="kits"/> for <paramref name="company"/>: texts in one AI request, images, then one save.</summary>
    public async Task BuildAsync(Company company, IReadOnlyList<SocialProfileKit> kits, int variant, CancellationToken cancellationToken)
    {
        var profile = BrandProfile.From(company);
        var brief = new ProfileBioBrief(profile, kits.Select(k => new ProfileBioRequest(k.Platform, k.Spec.TextFields)).ToList(), variant);
        var (drafts, _) = await ai.RunAsync(AiRequestKey.For(provider.Info, Kind, brief), Kind, ct => writer.WriteAsync(brief, ct), cancellationToken);
        var art = new ProfileArt(company.Name, company.BrandColours, await LogoAsync(company, cancellationToken));
        var now = clock.GetUtcNow();
        var oldKeys = new List<string>();
        var written = new List<string>();
        try
        {
            foreach (var kit in kits)
            {
                var spec = kit.Spec;
                var texts = spec.TextFields.Select(field =>
                {
                    var draft = drafts.FirstOrDefault(d => d.Platform == kit.Platform && d.Key == field.Key && !string.IsNullOrWhiteSpace(d.Text))?.Text
                        ?? company.Description ?? company.Name;
                    var (text, shortened) = ProfileText.Fit(kit.Platform, draft, field.MaxLength);
                    return new ProfileKitText(field.Key, field.Label, text, field.MaxLength, ProfileText.Count(kit.Platform, text), shortened);
                }).ToList();

                var version = kit.Version + 1;
                var avatar = await StoreAsync(kit, version, "avatar", renderer.RenderAvatar(art, spec.Avatar), spec.Avatar, written, cancellationToken);
                var banner = spec.Banner is { } size
                    ? await StoreAsync(kit, version, "banner", renderer.RenderBanner(art, size), size, written, cancellationToken)
                    : null;
                if (kit.Version > 0)
                {
                    oldKeys.Add(kit.Avatar.StorageKey);
                    oldKeys.AddRange(kit.Banner is null ? [] : [kit.Banner.StorageKey]);
                }

                var name = ProfileText.DisplayName(kit.Platform, company.Name, spec.MaxDisplayNameLength);
                kit.Compose(name.Length > 0 ? name : "Brand", HandleSuggestions.Suggest(spec.Handle, company.Name, company.Industry, company.Id, variant),
                    texts, avatar, banner, company.Website, provider.Info.Provider, now);
            }

            await SyncTasksAsync(company, kits, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing half-written: images of a kit that was not saved are removed.
            foreach (var key in written)
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }

        foreach (var key in oldKeys)
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }
    }

    /// <summary>One set-up task per kit, its steps brought up to date.</summary>
    public async Task SyncTasksAsync(Company company, IReadOnlyList<SocialProfileKit> kits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = kits.Select(k => k.Id).ToList();
        var tasks = await db.AutomationTasks.Where(t => t.Kind == AutomationTask.ProfileSetupKind && t.SubjectId != null && ids.Contains(t.SubjectId.Value))
            .ToListAsync(cancellationToken);
        var connected = await reader.ConnectedPlatformsAsync(company.Id, cancellationToken);
        foreach (var kit in kits)
        {
            var steps = kit.RemainingSteps(connected.Contains(kit.Platform));
            if (tasks.FirstOrDefault(t => t.SubjectId == kit.Id) is { } task)
            {
                task.UpdateSteps(steps, now);
            }
            else
            {
                db.AutomationTasks.Add(AutomationTask.StartProfileSetup(kit.Id, $"Set up {company.Name} on {kit.Platform.DisplayName()}", steps, now));
            }
        }
    }

    private async Task<ProfileKitImage> StoreAsync(
        SocialProfileKit kit, int version, string what, byte[] png, PixelSize size, List<string> written, CancellationToken cancellationToken)
    {
        var key = $"tenant-{tenant.TenantId:N}/profile-kits/{kit.Id:N}/v{version}-{what}.png";
        using var content = new MemoryStream(png, writable: false);
        await storage.SaveAsync(key, content, "image/png", cancellationToken);
        written.Add(key);
        return new ProfileKitImage(key, size.Width, size.Height);
    }

    /// <summary>The logo's large thumbnail (a PNG the processing step made from the upload), when the logo is a ready image.</summary>
    private async Task<byte[]?> LogoAsync(Company company, CancellationToken cancellationToken)
    {
        if (company.LogoAssetId is not { } logoId)
        {
            return null;
        }

        var logo = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == logoId, cancellationToken);
        if (logo is not { Type: AssetType.Image, State: AssetState.Ready, ThumbnailLargeKey: { } key })
        {
            return null;
        }

        await using var stream = await storage.OpenReadAsync(key, cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}

