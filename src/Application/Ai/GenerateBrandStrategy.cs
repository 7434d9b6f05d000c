using BrandAutomator.Application.Billing;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// Drafts a brand strategy for the company from its profile and documents and keeps it as a new version. When the brand
/// has published posts with metrics, its results of the last 90 days are one more passage, and the strategy says what they
/// show and recommends accordingly, citing them. An identical request (same profile, documents, results, provider and
/// model) returns the version it made before, without a new AI request.
/// </summary>
public sealed record GenerateBrandStrategy(Guid CompanyId) : ICommand<BrandStrategyVersionDto>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.AdvancedAi;
}

public sealed class GenerateBrandStrategyHandler(
    ITenantDb db, ICurrentUser user, IStrategyGenerator generator, IAiProvider provider, GroundingRetriever retriever,
    CachedAiCall ai, Analytics.PostResults results, TimeProvider clock) : ICommandHandler<GenerateBrandStrategy, BrandStrategyVersionDto>
{
    public const string Kind = "brand-strategy";
    private const int PassagesPerTopic = 2;
    private const int MaxPassages = 8;

    /// <summary>What a brand guide states that a strategy must take over rather than invent.</summary>
    public static readonly IReadOnlyList<string> BrandTopics = ["brand values", "tone of voice", "words to avoid", "brand colours hex"];

    public async ValueTask<BrandStrategyVersionDto> Handle(GenerateBrandStrategy command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.CompanyId, cancellationToken)
            ?? throw new NotFoundException("Company", command.CompanyId);

        var profile = BrandProfile.From(company);
        // The brand guide's own statements first (each found by its own query), then what bears on the profile as a whole.
        var passages = await retriever.FindEachAsync([.. BrandTopics, ProfileTopics.Of(profile)], company.Id, PassagesPerTopic, MaxPassages, cancellationToken);
        // The brand's own recent results on every network, when it has any with metrics: measured, never guessed.
        var recent = await results.RecentAsync(company.Id, null, cancellationToken);
        ResultsBrief? measured = null;
        if (recent.Posts.Count > 0)
        {
            passages = [.. passages, Analytics.PostResults.Passage(recent, passages.Count + 1)];
            measured = new ResultsBrief(passages.Count, recent);
        }

        var brief = new StrategyBrief(profile, passages, measured);
        var key = AiRequestKey.For(provider.Info, Kind, brief);

        var (strategy, cached) = await ai.RunAsync(key, Kind, async ct => Checked(Grounded(await generator.GenerateAsync(brief, ct), brief)), cancellationToken);
        var same = await db.StrategyVersions
            .Where(v => v.CompanyId == company.Id && v.RequestHash == key && !v.Edited)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (same is not null)
        {
            return BrandStrategyVersionDto.From(same, cached: true);
        }

        var number = (await db.StrategyVersions.Where(v => v.CompanyId == company.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var version = BrandStrategyVersion.Generated(
            company.Id, number, strategy, provider.Info.Provider, provider.Info.Model, key, user.UserId, clock.GetUtcNow());
        db.StrategyVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return BrandStrategyVersionDto.From(version, cached);
    }

    private static AiResult<BrandStrategy> Grounded(AiResult<BrandStrategy> result, StrategyBrief brief) =>
        result with { Value = StrategyResultsGrounding.Apply(result.Value, brief) };

    /// <summary>Checked before it is cached: a strategy the profile could not take is the model's fault, not the caller's.</summary>
    private AiResult<BrandStrategy> Checked(AiResult<BrandStrategy> result)
    {
        try
        {
            result.Value.Checked();
            return result;
        }
        catch (Domain.Common.DomainRuleException ex)
        {
            throw new ExternalServiceException(provider.Info.Provider, $"The AI provider returned a strategy that breaks the profile's rules ({ex.Message}). Try again.", ex);
        }
    }
}

/// <summary>What to look for in the documents when a task is about the brand as a whole.</summary>
public static class ProfileTopics
{
    public static string Of(BrandProfile profile, params string?[] extra) =>
        string.Join(' ', new[] { profile.Industry, profile.TargetAudience, profile.CoreProblem, profile.Description, profile.PositioningStatement }
            .Concat(extra).Where(s => !string.IsNullOrWhiteSpace(s)));
}
