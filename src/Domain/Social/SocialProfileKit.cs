using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Social;

/// <summary>One text of a kit as the network counts it: the text, its limit, its counted length, and whether it was cut to fit.</summary>
public sealed record ProfileKitText(string Key, string Label, string Text, int MaxLength, int Length, bool Shortened);

/// <summary>A rendered image of a kit: where it is stored and its exact size.</summary>
public sealed record ProfileKitImage(string StorageKey, int Width, int Height);

/// <summary>
/// Everything one network's profile needs, ready to paste or to push: name, handle ideas, texts within the network's
/// limits, avatar and banner at its exact sizes, and the link. One kit per company and network; regenerating replaces
/// its content and counts a new version.
/// </summary>
public sealed class SocialProfileKit : Entity<Guid>
{
    private List<string> _handles = [];
    private List<ProfileKitText> _texts = [];

    private SocialProfileKit()
    {
    }

    public Guid CompanyId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Handles => _handles;

    public IReadOnlyList<ProfileKitText> Texts => _texts;

    public ProfileKitImage Avatar { get; private set; } = null!;

    public ProfileKitImage? Banner { get; private set; }

    public string? Link { get; private set; }

    /// <summary>Which AI provider wrote the texts ("offline" for the templates), so the UI can label them.</summary>
    public string AiProvider { get; private set; } = "";

    public int Version { get; private set; }

    public DateTimeOffset? PushedAt { get; private set; }

    public string? PushResult { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public ProfileSpec Spec => ProfileSpecs.For(Platform);

    public static SocialProfileKit Start(Guid companyId, SocialPlatform platform, Guid createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CompanyId = companyId,
        Platform = platform,
        CreatedBy = createdBy,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// Sets the kit's content, refusing anything the network would refuse: a name, handle or text over its limit, a
    /// handle the network does not allow, an image of another size, a banner where the network has none.
    /// </summary>
    public void Compose(
        string displayName, IReadOnlyList<string> handles, IReadOnlyList<ProfileKitText> texts, ProfileKitImage avatar, ProfileKitImage? banner,
        string? link, string aiProvider, DateTimeOffset now)
    {
        var spec = Spec;
        if (displayName.Length == 0 || ProfileText.Count(Platform, displayName) > spec.MaxDisplayNameLength)
        {
            throw new DomainRuleException($"A {Platform.DisplayName()} name has 1 to {spec.MaxDisplayNameLength} characters.", "displayName");
        }

        if (spec.Handle is { } rule)
        {
            var bad = handles.FirstOrDefault(h => !rule.IsValid(h));
            if (bad is not null)
            {
                throw new DomainRuleException($"'{bad}' is not a valid {Platform.DisplayName()} handle.", "handles");
            }
        }
        else if (handles.Count > 0)
        {
            throw new DomainRuleException($"{Platform.DisplayName()} has no handles.", "handles");
        }

        foreach (var field in spec.TextFields)
        {
            var text = texts.SingleOrDefault(t => t.Key == field.Key)
                ?? throw new DomainRuleException($"The {field.Label} is missing.", field.Key);
            if (ProfileText.Count(Platform, text.Text) > field.MaxLength || text.MaxLength != field.MaxLength)
            {
                throw new DomainRuleException($"The {field.Label} has at most {field.MaxLength} characters on {Platform.DisplayName()}.", field.Key);
            }
        }

        if (texts.Count != spec.TextFields.Count)
        {
            throw new DomainRuleException($"{Platform.DisplayName()} takes: {string.Join(", ", spec.TextFields.Select(f => f.Label))}.", "texts");
        }

        if (avatar.Width != spec.Avatar.Width || avatar.Height != spec.Avatar.Height)
        {
            throw new DomainRuleException($"The {spec.AvatarLabel} is {spec.Avatar.Width}x{spec.Avatar.Height} pixels.", "avatar");
        }

        if ((banner is null) != (spec.Banner is null) ||
            (banner is not null && (banner.Width != spec.Banner!.Width || banner.Height != spec.Banner.Height)))
        {
            throw new DomainRuleException(spec.Banner is null
                ? $"{Platform.DisplayName()} has no banner."
                : $"The {spec.BannerLabel} is {spec.Banner.Width}x{spec.Banner.Height} pixels.", "banner");
        }

        DisplayName = displayName;
        _handles = handles.ToList();
        _texts = spec.TextFields.Select(f => texts.Single(t => t.Key == f.Key)).ToList();
        Avatar = avatar;
        Banner = banner;
        Link = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        AiProvider = aiProvider;
        Version++;
        PushedAt = null;
        PushResult = null;
        UpdatedAt = now;
    }

    public string? Text(string key) => _texts.SingleOrDefault(t => t.Key == key)?.Text;

    /// <summary>The manual steps still needed for this network, in order; pushed texts need no pasting.</summary>
    public IReadOnlyList<string> RemainingSteps(bool connected)
    {
        var spec = Spec;
        var name = Platform.DisplayName();
        var steps = new List<string>();
        if (!connected)
        {
            steps.Add(Platform == SocialPlatform.GoogleBusiness
                ? "Create the Business Profile location (Automation > Google Business Profile) or claim the existing one."
                : $"Create the {name} {spec.AccountNoun} named \"{DisplayName}\".");
        }

        if (_handles.Count > 0 && !connected)
        {
            steps.Add($"Claim a handle: {string.Join(", ", _handles.Take(3).Select(h => "@" + h))} (the first one still free).");
        }

        steps.Add($"Upload the {spec.AvatarLabel.ToLowerInvariant()} ({spec.Avatar.Width}x{spec.Avatar.Height} px).");
        if (spec.Banner is { } banner)
        {
            steps.Add($"Upload the {spec.BannerLabel!.ToLowerInvariant()} ({banner.Width}x{banner.Height} px).");
        }

        if (PushedAt is null)
        {
            steps.AddRange(_texts.Select(t => $"Paste the {t.Label.ToLowerInvariant()} ({t.Length}/{t.MaxLength} characters)."));
        }

        if (Link is not null && PushedAt is null)
        {
            steps.Add($"Add the website link {Link}.");
        }

        if (!connected)
        {
            steps.Add($"Connect the {name} {spec.AccountNoun} on the Connections page so posts can be published.");
        }

        return steps;
    }

    /// <summary>The texts were set on the connected account through the network's API.</summary>
    public void MarkPushed(string result, DateTimeOffset now)
    {
        PushedAt = now;
        PushResult = result.Length > 500 ? result[..500] : result;
        UpdatedAt = now;
    }
}
