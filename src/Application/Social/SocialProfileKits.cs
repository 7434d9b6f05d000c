using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record ProfileKitImageDto(string Label, int Width, int Height, Uri Url);

public sealed record ProfileKitTextDto(string Key, string Label, string Text, int MaxLength, int Length, bool Shortened);

/// <summary>A profile kit as the SPA shows it: images as signed links, texts with their counts, and the steps left.</summary>
public sealed record SocialProfileKitDto(
    Guid Id, Guid CompanyId, SocialPlatform Platform, string PlatformName, string DisplayName, int MaxDisplayNameLength,
    IReadOnlyList<string> Handles, string? HandleRule, string? HandleUrlPrefix, IReadOnlyList<ProfileKitTextDto> Texts, ProfileKitImageDto Avatar,
    ProfileKitImageDto? Banner, string? Link, AiSourceDto Source, int Version, bool CanPush, DateTimeOffset? PushedAt, string? PushResult,
    Guid? TaskId, IReadOnlyList<string> RemainingSteps, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Builds, stores and reads profile kits; shared by the create, regenerate and push use cases.</summary>
public sealed class ProfileKitWorkshop(
    ITenantDb db, ITenantContext tenant, IFileStorage storage, IProfileImageRenderer renderer, IProfileBioWriter writer, IAiProvider provider,
    CachedAiCall ai, IProfilePusher pusher, TimeProvider clock)
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
        var connected = await ConnectedPlatformsAsync(company.Id, cancellationToken);
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

    public async Task<IReadOnlyList<SocialProfileKitDto>> DtosAsync(IReadOnlyList<SocialProfileKit> kits, CancellationToken cancellationToken)
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
        new(label, image.Width, image.Height, storage.CreateSignedUrl(image.StorageKey, storage.DefaultLinkLifetime));

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

/// <summary>
/// Makes a profile kit for each network asked: the brand's name, handle ideas that pass the network's rules, texts in
/// the brand's voice within its limits, avatar and banner at its exact sizes, the website, and a set-up task with the
/// steps only the user can do. A network that already has a kit for the company gets it rebuilt.
/// </summary>
public sealed record CreateSocialProfiles(Guid CompanyId, IReadOnlyList<SocialPlatform> Platforms) : ICommand<IReadOnlyList<SocialProfileKitDto>>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class CreateSocialProfilesValidator : AbstractValidator<CreateSocialProfiles>
{
    public CreateSocialProfilesValidator()
    {
        RuleFor(x => x.CompanyId).NotEmpty();
        RuleFor(x => x.Platforms).NotEmpty().WithMessage("Choose at least one platform.");
        RuleForEach(x => x.Platforms).IsInEnum();
    }
}

public sealed class CreateSocialProfilesHandler(ITenantDb db, IAutomationEntitlement entitlement, ICurrentUser user, ProfileKitWorkshop workshop, TimeProvider clock)
    : ICommandHandler<CreateSocialProfiles, IReadOnlyList<SocialProfileKitDto>>
{
    public async ValueTask<IReadOnlyList<SocialProfileKitDto>> Handle(CreateSocialProfiles command, CancellationToken cancellationToken)
    {
        await entitlement.EnsureAutomationAsync(cancellationToken);
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == command.CompanyId, cancellationToken)
            ?? throw new NotFoundException("Company", command.CompanyId);
        var platforms = command.Platforms.Distinct().ToList();
        var existing = await db.SocialProfileKits.Where(k => k.CompanyId == company.Id && platforms.Contains(k.Platform)).ToListAsync(cancellationToken);
        var kits = platforms.Select(p => existing.FirstOrDefault(k => k.Platform == p) ?? New(company, p)).ToList();
        var variant = existing.Count == 0 ? 0 : existing.Max(k => k.Version);
        await workshop.BuildAsync(company, kits, variant, cancellationToken);
        return await workshop.DtosAsync(kits, cancellationToken);

        SocialProfileKit New(Company c, SocialPlatform platform)
        {
            var kit = SocialProfileKit.Start(c.Id, platform, user.UserId, clock.GetUtcNow());
            db.SocialProfileKits.Add(kit);
            return kit;
        }
    }
}

/// <summary>Another take on one kit: new texts and handle ideas, images redrawn from the current logo and colours.</summary>
public sealed record RegenerateSocialProfileKit(Guid Id) : ICommand<SocialProfileKitDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class RegenerateSocialProfileKitHandler(ITenantDb db, IAutomationEntitlement entitlement, ProfileKitWorkshop workshop)
    : ICommandHandler<RegenerateSocialProfileKit, SocialProfileKitDto>
{
    public async ValueTask<SocialProfileKitDto> Handle(RegenerateSocialProfileKit command, CancellationToken cancellationToken)
    {
        var kit = await db.SocialProfileKits.SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Profile kit", command.Id);
        await entitlement.EnsureAutomationAsync(cancellationToken);
        var company = await db.Companies.SingleAsync(c => c.Id == kit.CompanyId, cancellationToken);
        await workshop.BuildAsync(company, [kit], kit.Version, cancellationToken);
        return (await workshop.DtosAsync([kit], cancellationToken))[0];
    }
}

public sealed record ListSocialProfileKits(Guid? CompanyId) : IQuery<IReadOnlyList<SocialProfileKitDto>>;

public sealed class ListSocialProfileKitsHandler(ITenantDb db, ProfileKitWorkshop workshop) : IQueryHandler<ListSocialProfileKits, IReadOnlyList<SocialProfileKitDto>>
{
    public async ValueTask<IReadOnlyList<SocialProfileKitDto>> Handle(ListSocialProfileKits query, CancellationToken cancellationToken)
    {
        var kits = db.SocialProfileKits.AsNoTracking();
        if (query.CompanyId is { } companyId)
        {
            kits = kits.Where(k => k.CompanyId == companyId);
        }

        return await workshop.DtosAsync(await kits.OrderBy(k => k.CompanyId).ThenBy(k => k.Platform).ToListAsync(cancellationToken), cancellationToken);
    }
}

public sealed record GetSocialProfileKit(Guid Id) : IQuery<SocialProfileKitDto>;

public sealed class GetSocialProfileKitHandler(ITenantDb db, ProfileKitWorkshop workshop) : IQueryHandler<GetSocialProfileKit, SocialProfileKitDto>
{
    public async ValueTask<SocialProfileKitDto> Handle(GetSocialProfileKit query, CancellationToken cancellationToken)
    {
        var kit = await db.SocialProfileKits.AsNoTracking().SingleOrDefaultAsync(k => k.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Profile kit", query.Id);
        return (await workshop.DtosAsync([kit], cancellationToken))[0];
    }
}

/// <summary>
/// Sets the kit's texts on the company's connected account where the network's API allows it (Facebook Page about,
/// Business Profile description). Other networks have no such API; their texts are pasted by hand.
/// </summary>
public sealed record PushSocialProfileKit(Guid Id) : ICommand<SocialProfileKitDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class PushSocialProfileKitHandler(
    ITenantDb db, IAutomationEntitlement entitlement, IProfilePusher pusher, ISocialTokenProtector protector, ProfileKitWorkshop workshop, TimeProvider clock)
    : ICommandHandler<PushSocialProfileKit, SocialProfileKitDto>
{
    public async ValueTask<SocialProfileKitDto> Handle(PushSocialProfileKit command, CancellationToken cancellationToken)
    {
        var kit = await db.SocialProfileKits.SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Profile kit", command.Id);
        await entitlement.EnsureAutomationAsync(cancellationToken);
        if (!pusher.CanPush(kit.Platform))
        {
            throw new DomainRuleException($"{kit.Platform.DisplayName()} offers no API to set profile texts; paste them from the kit.");
        }

        var connection = await db.SocialConnections
            .Where(c => c.Platform == kit.Platform && (c.CompanyId == kit.CompanyId || c.CompanyId == null) &&
                        (c.Status == ConnectionStatus.Active || c.Status == ConnectionStatus.Expired))
            .OrderByDescending(c => c.CompanyId == kit.CompanyId).ThenByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException($"Connect the {kit.Platform.DisplayName()} account first.");
        var token = protector.Unprotect(connection.Platform, connection.EncryptedAccessToken);
        var result = await pusher.PushAsync(
            new ProfilePushRequest(kit.Platform, connection.ExternalAccountId, token, kit.Texts.ToDictionary(t => t.Key, t => t.Text), kit.Link),
            cancellationToken);
        var now = clock.GetUtcNow();
        if (result.TokenRejected)
        {
            connection.RequireReconnect(result.Message, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!result.Succeeded)
        {
            throw new ExternalServiceException(kit.Platform.DisplayName(), result.Message);
        }

        kit.MarkPushed(result.Message, now);
        var company = await db.Companies.SingleAsync(c => c.Id == kit.CompanyId, cancellationToken);
        await workshop.SyncTasksAsync(company, [kit], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await workshop.DtosAsync([kit], cancellationToken))[0];
    }
}
