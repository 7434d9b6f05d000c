using BrandAutomator.Application.Billing;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// Competitors, positioning opportunities, audience insights and risks for a company, each saying what it rests on
/// (a profile field or a cited passage) and whether it is an inference. A finding that rests on nothing the tenant
/// gave is never presented as a fact: it is marked an inference that needs research, whatever the provider said.
/// </summary>
public sealed record AnalyzeMarket(Guid CompanyId, string? Focus) : ICommand<MarketAnalysisDto>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.AdvancedAi;
}

public sealed class AnalyzeMarketValidator : AbstractValidator<AnalyzeMarket>
{
    public AnalyzeMarketValidator() => RuleFor(x => x.Focus).MaximumLength(MarketAnalysisReport.MaxFocusLength);
}

public sealed class AnalyzeMarketHandler(
    ITenantDb db, ICurrentUser user, IMarketAnalyst analyst, IAiProvider provider, GroundingRetriever retriever,
    CachedAiCall ai, TimeProvider clock)
    : ICommandHandler<AnalyzeMarket, MarketAnalysisDto>
{
    public const string Kind = "market-analysis";

    public async ValueTask<MarketAnalysisDto> Handle(AnalyzeMarket command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.CompanyId, cancellationToken)
            ?? throw new NotFoundException("Company", command.CompanyId);

        var focus = string.IsNullOrWhiteSpace(command.Focus) ? null : command.Focus.Trim();
        var profile = BrandProfile.From(company);
        // Competitors and customers each get their own query: a competitor overview shares few words with the profile.
        var passages = await retriever.FindEachAsync(
            [focus ?? "", "competitors competition rivals alternatives", "customers audience", ProfileTopics.Of(profile, focus)], company.Id, 3,
            GroundingRetriever.DefaultPassages + 3, cancellationToken);
        var brief = new MarketBrief(profile, passages, focus);
        var (analysis, cached) = await ai.RunAsync(AiRequestKey.For(provider.Info, Kind, brief), Kind, ct => analyst.AnalyzeAsync(brief, ct), cancellationToken);

        IReadOnlyList<MarketFindingDto> Section(IReadOnlyList<MarketFinding> findings) =>
            findings.Where(f => !string.IsNullOrWhiteSpace(f.Statement)).Select(f => Grounded(f, profile, passages)).ToList();
        var findings = new MarketFindingsDto(
            Section(analysis.Competitors), Section(analysis.PositioningOpportunities), Section(analysis.AudienceInsights), Section(analysis.Risks));
        // Every analysis is kept (a cached answer too: it is what the user was shown, at this time), so the history is complete.
        var report = MarketAnalysisReport.Record(
            company.Id, focus, MarketAnalysisDto.FindingsJson(findings), provider.Info.Provider, provider.Info.Model, user.UserId, clock.GetUtcNow());
        db.MarketAnalyses.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return MarketAnalysisDto.From(report) with { Source = AiSourceDto.From(provider.Info, cached) };
    }

    /// <summary>
    /// Keeps only the bases that exist (a profile field with a value, a passage that was given), and marks a finding
    /// with none left as an inference needing research.
    /// </summary>
    private static MarketFindingDto Grounded(MarketFinding finding, BrandProfile profile, IReadOnlyList<GroundingPassage> passages)
    {
        var basis = new List<FindingBasisDto>();
        foreach (var field in finding.ProfileFields.Distinct(StringComparer.Ordinal))
        {
            if (BrandProfile.FieldNames.Contains(field) && profile.Has(field))
            {
                basis.Add(new FindingBasisDto(FindingBasisDto.ProfileKind, field, null));
            }
        }

        foreach (var number in finding.Passages.Distinct())
        {
            if (number >= 1 && number <= passages.Count)
            {
                var p = passages[number - 1];
                basis.Add(new FindingBasisDto(FindingBasisDto.PassageKind, null,
                    new ChatCitation(number, p.AssetId, p.AssetName, p.ChunkId, p.Page, GroundingRetriever.Snippet(p.Text, finding.Statement))));
            }
        }

        var unsupported = basis.Count == 0;
        return new MarketFindingDto(finding.Statement.Trim(), basis, finding.Inference || unsupported, finding.NeedsResearch || unsupported);
    }
}
