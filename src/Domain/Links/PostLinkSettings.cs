namespace BrandAutomator.Domain.Links;

/// <summary>
/// Whether a post's links are shortened (and tracked) when it is published, and the utm_campaign its links carry
/// (the brand's name when none is given). Kept beside the post, one row per post that has them.
/// </summary>
public sealed class PostLinkSettings
{
    public const int MaxCampaignLength = 60;

    private PostLinkSettings()
    {
    }

    public Guid ContentItemId { get; private set; }

    public bool ShortenLinks { get; private set; }

    public string? Campaign { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static PostLinkSettings For(Guid contentItemId) => new() { ContentItemId = contentItemId };

    public void Change(bool shortenLinks, string? campaign, DateTimeOffset now)
    {
        var slug = string.IsNullOrWhiteSpace(campaign) ? null : UtmParameters.Slug(campaign);
        if (campaign is { Length: > 0 } && string.IsNullOrEmpty(slug) && !string.IsNullOrWhiteSpace(campaign))
        {
            throw new Common.DomainRuleException("A campaign name needs letters or digits.", "campaign");
        }

        ShortenLinks = shortenLinks;
        Campaign = slug;
        UpdatedAt = now;
    }
}
