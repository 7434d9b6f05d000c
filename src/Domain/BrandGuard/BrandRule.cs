using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.BrandGuard;

/// <summary>What a brand rule asks of a post.</summary>
public enum BrandRuleKind
{
    /// <summary>A word or phrase the brand never uses; <see cref="BrandRule.Suggestion"/> is what to say instead.</summary>
    BannedWord,

    /// <summary>A company, product or person's name as it must be spelt.</summary>
    Name,

    /// <summary>A hashtag every post carries.</summary>
    Hashtag,

    /// <summary>At most <see cref="BrandRule.Limit"/> hashtags on <see cref="BrandRule.Platform"/>.</summary>
    HashtagLimit,

    /// <summary>How the brand sounds: descriptors and examples a post is compared with.</summary>
    Tone,
}

/// <summary>Where a rule came from: read from the brand's documents, or written by the team.</summary>
public enum BrandRuleOrigin
{
    Documents,
    Team,
}

/// <summary>
/// One of the brand's rules, cited to the passage it was read from. Rules read from the documents are replaced when the
/// documents change, unless the team edited or switched them off: the team's decision outlives re-extraction.
/// </summary>
public sealed class BrandRule : Entity<Guid>
{
    public const int MaxTermLength = 200;
    public const int MaxToneLength = 1000;
    public const int MaxSnippetLength = 400;

    private BrandRule()
    {
    }

    /// <summary>The brand whose documents or team the rule comes from; null for a workspace-wide rule, which every brand's posts follow.</summary>
    public Guid? CompanyId { get; private set; }

    public BrandRuleKind Kind { get; private set; }

    /// <summary>The banned word, the name as spelt, the hashtag, or the tone descriptors.</summary>
    public string Term { get; private set; } = "";

    /// <summary>What to write instead of a banned word; null when the documents give nothing.</summary>
    public string? Suggestion { get; private set; }

    public SocialPlatform? Platform { get; private set; }

    public int? Limit { get; private set; }

    public bool Enabled { get; private set; } = true;

    public BrandRuleOrigin Origin { get; private set; }

    /// <summary>True once the team changed or switched off a rule read from the documents.</summary>
    public bool EditedByTeam { get; private set; }

    /// <summary>Identifies a rule across extractions: kind, term and network, normalised.</summary>
    public string Key { get; private set; } = "";

    public Guid? SourceAssetId { get; private set; }

    public string? SourceAssetName { get; private set; }

    public Guid? SourceChunkId { get; private set; }

    public int? SourcePage { get; private set; }

    public string? SourceSnippet { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static BrandRule FromDocuments(
        BrandRuleKind kind, string term, string? suggestion, SocialPlatform? platform, int? limit, RuleSource source, DateTimeOffset now,
        Guid? companyId = null)
    {
        var rule = Make(kind, term, suggestion, platform, limit, BrandRuleOrigin.Documents, now);
        rule.CompanyId = companyId;
        rule.Cite(source, now);
        return rule;
    }

    public static BrandRule ByTeam(
        BrandRuleKind kind, string term, string? suggestion, SocialPlatform? platform, int? limit, DateTimeOffset now, Guid? companyId = null)
    {
        var rule = Make(kind, term, suggestion, platform, limit, BrandRuleOrigin.Team, now);
        rule.CompanyId = companyId;
        return rule;
    }

    /// <summary>Whether a post of <paramref name="companyId"/> (null: no brand) follows this rule: a workspace-wide rule applies to every post.</summary>
    public bool AppliesTo(Guid? companyId) => CompanyId is null || CompanyId == companyId;

    /// <summary>The key a rule of this kind, term and network has: the same rule read twice has the same key.</summary>
    public static string KeyOf(BrandRuleKind kind, string term, SocialPlatform? platform) =>
        $"{kind}:{platform}:{string.Join(' ', term.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))}";

    /// <summary>The team's change: a rule read from the documents is then theirs and survives re-extraction.</summary>
    public void Edit(string term, string? suggestion, int? limit, bool enabled, DateTimeOffset now)
    {
        Validate(Kind, term, suggestion, Platform, limit);
        Term = term.Trim();
        Suggestion = string.IsNullOrWhiteSpace(suggestion) ? null : suggestion.Trim();
        Limit = limit;
        Enabled = enabled;
        EditedByTeam = Origin == BrandRuleOrigin.Documents;
        UpdatedAt = now;
    }

    /// <summary>Re-extraction found the rule again: its citation and suggestion follow the document unless the team edited it.</summary>
    public void Refresh(string? suggestion, int? limit, RuleSource source, DateTimeOffset now)
    {
        if (!EditedByTeam)
        {
            Suggestion = suggestion;
            Limit = limit;
        }

        Cite(source, now);
    }

    private void Cite(RuleSource source, DateTimeOffset now)
    {
        SourceAssetId = source.AssetId;
        SourceAssetName = source.AssetName.Length > 120 ? source.AssetName[..120] : source.AssetName;
        SourceChunkId = source.ChunkId;
        SourcePage = source.Page;
        SourceSnippet = source.Snippet.Length > MaxSnippetLength ? source.Snippet[..(MaxSnippetLength - 1)] + "…" : source.Snippet;
        UpdatedAt = now;
    }

    private static BrandRule Make(
        BrandRuleKind kind, string term, string? suggestion, SocialPlatform? platform, int? limit, BrandRuleOrigin origin, DateTimeOffset now)
    {
        Validate(kind, term, suggestion, platform, limit);
        var cleaned = term.Trim();
        return new BrandRule
        {
            Id = Guid.NewGuid(), Kind = kind, Term = cleaned, Suggestion = string.IsNullOrWhiteSpace(suggestion) ? null : suggestion.Trim(),
            Platform = platform, Limit = limit, Origin = origin, Key = KeyOf(kind, cleaned, platform), CreatedAt = now, UpdatedAt = now,
        };
    }

    private static void Validate(BrandRuleKind kind, string term, string? suggestion, SocialPlatform? platform, int? limit)
    {
        var max = kind == BrandRuleKind.Tone ? MaxToneLength : MaxTermLength;
        if (string.IsNullOrWhiteSpace(term) || term.Trim().Length > max)
        {
            throw new DomainRuleException($"Give the rule's text, up to {max} characters.", "term");
        }

        if (suggestion is { Length: > MaxTermLength })
        {
            throw new DomainRuleException($"A suggestion has at most {MaxTermLength} characters.", "suggestion");
        }

        if (kind == BrandRuleKind.Hashtag && !term.Trim().StartsWith('#'))
        {
            throw new DomainRuleException("A hashtag starts with #.", "term");
        }

        if (kind == BrandRuleKind.HashtagLimit && (platform is null || limit is null or < 0 or > 30))
        {
            throw new DomainRuleException("A hashtag limit names a network and a number from 0 to 30.", "limit");
        }
    }
}

/// <summary>The passage a rule was read from.</summary>
public sealed record RuleSource(Guid AssetId, string AssetName, Guid ChunkId, int? Page, string Snippet);
