using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Feeds;

/// <summary>What a feed's new items become: drafts to look at, or posts in the brand's posting queue.</summary>
public enum FeedTarget
{
    Draft,
    Queue,
}

/// <summary>
/// An RSS or Atom feed a brand watches. Polled politely: no more often than its interval (at least
/// <see cref="MinIntervalMinutes"/>), with the last ETag and Last-Modified so an unchanged feed costs a 304, backing
/// off after each failure, and paused with the reason in words after <see cref="PauseAfterFailures"/> failures in a row.
/// The first successful read only notes the items already there: from then on, each new item becomes one post.
/// </summary>
public sealed class Feed : Entity<Guid>
{
    public const int MaxNameLength = 120;
    public const int MaxUrlLength = 2048;
    public const int MaxTemplateLength = 2000;
    public const int MinIntervalMinutes = 15;
    public const int MaxIntervalMinutes = 1440;
    public const int PauseAfterFailures = 5;
    public const string DefaultTemplate = "{title}\n\n{summary}\n\n{link}";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(24);

    private Feed()
    {
    }

    public Guid? CompanyId { get; private set; }

    public string Name { get; private set; } = "";

    public string Url { get; private set; } = "";

    public FeedTarget Target { get; private set; }

    public List<SocialPlatform> Platforms { get; private set; } = [];

    /// <summary>The post's text: <c>{title}</c>, <c>{link}</c> and <c>{summary}</c> are replaced by the item's.</summary>
    public string Template { get; private set; } = DefaultTemplate;

    public int IntervalMinutes { get; private set; }

    public string? ETag { get; private set; }

    public string? LastModified { get; private set; }

    /// <summary>Whether the items already in the feed when it was added have been noted (they make no posts).</summary>
    public bool Primed { get; private set; }

    public DateTimeOffset? LastPolledAt { get; private set; }

    public DateTimeOffset NextPollAt { get; private set; }

    public int Failures { get; private set; }

    /// <summary>Why the last check failed, in words; cleared by a good one.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Feed Create(
        Guid? companyId, string name, Uri url, FeedTarget target, IReadOnlyCollection<SocialPlatform> platforms, string? template,
        int intervalMinutes, Guid createdBy, DateTimeOffset now)
    {
        var feed = new Feed { Id = Guid.CreateVersion7(now), CompanyId = companyId, CreatedBy = createdBy, CreatedAt = now, NextPollAt = now };
        feed.Change(name, url, target, platforms, template, intervalMinutes);
        return feed;
    }

    public void Change(string name, Uri url, FeedTarget target, IReadOnlyCollection<SocialPlatform> platforms, string? template, int intervalMinutes)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new DomainRuleException($"Give the feed a name of 1 to {MaxNameLength} characters.", "name");
        }

        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.OriginalString.Length > MaxUrlLength || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw new DomainRuleException("Enter the feed's web address, starting with https:// or http://.", "url");
        }

        if (platforms.Count == 0)
        {
            throw new DomainRuleException("Choose at least one network for the posts.", "platforms");
        }

        var text = string.IsNullOrWhiteSpace(template) ? DefaultTemplate : template.Trim();
        if (text.Length > MaxTemplateLength || !(text.Contains("{title}", StringComparison.Ordinal) || text.Contains("{link}", StringComparison.Ordinal)))
        {
            throw new DomainRuleException($"The template has at most {MaxTemplateLength} characters and uses {{title}} or {{link}}.", "template");
        }

        if (intervalMinutes is < MinIntervalMinutes or > MaxIntervalMinutes)
        {
            throw new DomainRuleException($"Check a feed every {MinIntervalMinutes} minutes to once a day.", "intervalMinutes");
        }

        if (Url != url.AbsoluteUri)
        {
            // Another address is another feed: its items are noted afresh and its caching headers do not apply.
            Primed = false;
            ETag = null;
            LastModified = null;
        }

        Name = trimmed;
        Url = url.AbsoluteUri;
        Target = target;
        Platforms = platforms.Distinct().ToList();
        Template = text;
        IntervalMinutes = intervalMinutes;
    }

    /// <summary>Takes the feed for one check, so that another node's run passes it by until <paramref name="until"/>.</summary>
    public void Claim(DateTimeOffset until) => NextPollAt = until;

    /// <summary>A good answer (new items or none): the next check after the interval.</summary>
    public void Succeeded(string? etag, string? lastModified, DateTimeOffset now)
    {
        ETag = etag ?? ETag;
        LastModified = lastModified ?? LastModified;
        Primed = true;
        Failures = 0;
        LastError = null;
        LastPolledAt = now;
        NextPollAt = now.AddMinutes(IntervalMinutes);
    }

    /// <summary>A failed check: waits twice as long each time (up to a day), and pauses after several in a row.</summary>
    public bool Failed(string reason, DateTimeOffset now)
    {
        Failures++;
        LastPolledAt = now;
        var wait = TimeSpan.FromMinutes(IntervalMinutes * Math.Pow(2, Math.Min(Failures, 10)));
        NextPollAt = now + (wait > MaxBackoff ? MaxBackoff : wait);
        if (Failures >= PauseAfterFailures)
        {
            PausedAt = now;
            LastError = $"Paused after {Failures} failed checks in a row. The last one: {reason}";
            return true;
        }

        LastError = reason;
        return false;
    }

    /// <summary>"Check now": due at once; a paused feed starts again with a clean slate of failures.</summary>
    public void CheckNow(DateTimeOffset now)
    {
        if (PausedAt is not null)
        {
            Resume(now);
        }

        NextPollAt = now;
    }

    public void Resume(DateTimeOffset now)
    {
        PausedAt = null;
        Failures = 0;
        LastError = null;
        NextPollAt = now;
    }
}
