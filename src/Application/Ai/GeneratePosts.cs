using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// Drafts posts on a topic for each platform asked, in the brand's voice. Every draft fits its platform: one the
/// provider wrote too long is shortened at a word boundary and says so. The brand's signature and hashtag groups, when
/// chosen, close every draft (the draft is shortened first, so they always fit).
/// </summary>
public sealed record GeneratePosts(
    Guid CompanyId, IReadOnlyList<SocialPlatform> Platforms, string Topic, int Count, Guid? SignatureId = null,
    IReadOnlyList<Guid>? HashtagGroupIds = null) : ICommand<PostDraftsDto>, IRequireRole
{
    public const int MaxCount = 5;
    public const int MaxTopicLength = 500;

    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class GeneratePostsValidator : AbstractValidator<GeneratePosts>
{
    public GeneratePostsValidator()
    {
        RuleFor(x => x.Platforms).NotEmpty().WithMessage("Choose at least one platform.");
        RuleForEach(x => x.Platforms).IsInEnum();
        RuleFor(x => x.Topic).NotEmpty().MaximumLength(GeneratePosts.MaxTopicLength);
        RuleFor(x => x.Count).InclusiveBetween(1, GeneratePosts.MaxCount);
        RuleFor(x => x.HashtagGroupIds).Must(g => g is null || g.Count <= 5).WithMessage("Choose at most 5 hashtag groups.");
    }
}

public sealed class GeneratePostsHandler(
    ITenantDb db, IPostDrafter drafter, IAiProvider provider, GroundingRetriever retriever, CachedAiCall ai, Analytics.PostResults results)
    : ICommandHandler<GeneratePosts, PostDraftsDto>
{
    public const string Kind = "post-drafts";

    public async ValueTask<PostDraftsDto> Handle(GeneratePosts command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.CompanyId, cancellationToken)
            ?? throw new NotFoundException("Company", command.CompanyId);
        var closing = await DraftClosing.ReadAsync(db, company.Id, command.SignatureId, command.HashtagGroupIds, cancellationToken);
        var profile = BrandProfile.From(company);
        var topic = command.Topic.Trim();
        var platforms = command.Platforms.Distinct().ToList();
        // The topic's facts, and the social media policy's rules (prescribed hashtags, words to avoid) by their own queries.
        var passages = await retriever.FindEachAsync([topic, "social media hashtags", "words to avoid"], company.Id, 3, 6, cancellationToken);
        // What did best in the brand's recent results (on the one network asked, else on all), for the drafts to lean on.
        var recent = await results.RecentAsync(company.Id, platforms.Count == 1 ? platforms[0] : null, cancellationToken);
        PerformanceBrief? performance = null;
        if (recent.Posts.Count > 0)
        {
            passages = [.. passages, Analytics.PostResults.Passage(recent, passages.Count + 1)];
            performance = new PerformanceBrief(passages.Count, recent.Patterns);
        }

        var brief = new PostBrief(profile, passages, platforms, topic, command.Count, performance);
        var (drafts, cached) = await ai.RunAsync(AiRequestKey.For(provider.Info, Kind, brief), Kind, ct => drafter.DraftAsync(brief, ct), cancellationToken);

        var result = platforms.Select(platform => new PlatformDraftsDto(
                platform, platform.DisplayName(), platform.MaxTextLength(),
                drafts.Where(d => d.Platform == platform && !string.IsNullOrWhiteSpace(d.Text)).Take(command.Count)
                    .Select(d => closing.Close(d.Text.Trim(), platform)).ToList()))
            .ToList();
        var sources = GroundingQueries.Citations(passages, drafts.SelectMany(d => d.Passages ?? []), topic);
        return new PostDraftsDto(company.Id, topic, result, sources, AiSourceDto.From(provider.Info, cached), Analytics.DraftGuidance.For(recent));
    }

    /// <summary>
    /// The text within <paramref name="max"/> characters as the network counts them (<paramref name="measure"/>, by
    /// default code points; X weighs links and emoji), shortened at a word boundary when it is longer.
    /// </summary>
    public static PostDraftDto Fit(string text, int max, Func<string, int>? measure = null)
    {
        measure ??= PlatformRules.CountCharacters;
        var length = measure(text);
        if (length <= max)
        {
            return new PostDraftDto(text, length, false);
        }

        var runes = text.EnumerateRunes().ToList();
        for (var take = Math.Min(runes.Count, max) - 1; take > 0; take--)
        {
            var kept = string.Concat(runes.Take(take).Select(r => r.ToString()));
            var cut = kept.LastIndexOf(' ');
            var shortened = (cut > kept.Length / 2 ? kept[..cut] : kept).TrimEnd() + "…";
            var shortenedLength = measure(shortened);
            if (shortenedLength <= max)
            {
                return new PostDraftDto(shortened, shortenedLength, true);
            }
        }

        return new PostDraftDto("…", measure("…"), true);
    }
}
