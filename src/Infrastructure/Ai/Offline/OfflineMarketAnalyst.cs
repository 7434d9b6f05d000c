using BrandAutomator.Application.Ai;
using static BrandAutomator.Infrastructure.Ai.Offline.OfflineText;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// A market analysis without a model that says only what the data supports: the profile's own statements, quotes of
/// passages that mention competitors or customers, and everything else as explicit "needs research" items.
/// </summary>
public sealed class OfflineMarketAnalyst : IMarketAnalyst
{
    private static readonly string[] CompetitorCues = ["competitor", "competition", "compete", "versus", " vs ", "alternative", "compared", "unlike", "rival"];
    private static readonly string[] AudienceCues = ["customer", "client", "audience", "buyer", "user", "shopper", "people who", "persona"];

    public Task<AiResult<MarketAnalysis>> AnalyzeAsync(MarketBrief brief, CancellationToken cancellationToken) =>
        Task.FromResult(new AiResult<MarketAnalysis>(Analyse(brief), AiTokenUsage.None));

    public static MarketAnalysis Analyse(MarketBrief brief)
    {
        var p = brief.Profile;
        var category = p.Industry is { } industry ? $" in {Inline(industry)}" : "";
        var focus = brief.Focus is { } f ? $" (focus: {Clip(f, 120)})" : "";

        // Competitors the documents name (a row of a competitor table, an item of a list of rivals) are facts with their source.
        var named = DocumentFacts.Competitors(brief.Passages);
        var competitors = named.Select(c => new MarketFinding(
            $"{c.Value.Name}, named in your documents: {Clip(c.Value.Statement, 300)}", [], [c.Passage], Inference: false, NeedsResearch: false)).ToList();
        if (named.Count == 0)
        {
            competitors.AddRange(Quotes(brief, CompetitorCues, "Your documents mention the competition"));
        }

        competitors.Add(named.Count > 0
            ? new MarketFinding(
                $"Check whether businesses beyond {string.Join(", ", named.Take(5).Select(c => c.Value.Name))} compete for the same customers{focus}, and keep their prices current.",
                p.Industry is null ? [] : ["industry"], [], Inference: true, NeedsResearch: true)
            : new MarketFinding(
                $"Identify the main competitors of {p.Name}{category}{focus}: who they are, their prices and how they position themselves. Your profile and documents do not name them.",
                p.Industry is null ? [] : ["industry"], [], Inference: true, NeedsResearch: true));

        var opportunities = new List<MarketFinding>();
        if (p.PositioningStatement is { } positioning)
        {
            opportunities.Add(new MarketFinding($"Build every message on your stated positioning: “{Clip(positioning, 300)}”", ["positioningStatement"], [], true, false));
        }

        if (p.CoreProblem is { } problem && p.TargetAudience is { } audience)
        {
            opportunities.Add(new MarketFinding(
                $"Own the problem your audience has in content and offers: {Inline(Clip(problem, 250))}, for {Inline(Clip(audience, 150))}.",
                ["coreProblem", "targetAudience"], [], true, false));
        }

        opportunities.Add(new MarketFinding(
            $"Test which of your differences matter most to buyers{category} (interviews, landing-page tests) before claiming them as advantages.",
            [], [], Inference: true, NeedsResearch: true));

        var insights = new List<MarketFinding>();
        if (p.TargetAudience is { } stated)
        {
            insights.Add(new MarketFinding($"Your stated audience: {Clip(stated, 300)}", ["targetAudience"], [], false, false));
        }

        if (p.CoreProblem is { } pain)
        {
            insights.Add(new MarketFinding($"The problem they need solved, as you describe it: {Clip(pain, 300)}", ["coreProblem"], [], false, false));
        }

        insights.AddRange(Quotes(brief, AudienceCues, "Your documents say about your customers"));
        insights.Add(new MarketFinding("Validate the audience's size, budget and buying habits with customer interviews or survey data.", [], [], true, true));

        var risks = new List<MarketFinding>();
        var missing = new[] { ("target audience", p.TargetAudience), ("core problem", p.CoreProblem), ("positioning statement", p.PositioningStatement) }
            .Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => x.Item1).ToList();
        if (missing.Count > 0)
        {
            risks.Add(new MarketFinding($"The profile does not state the {string.Join(", ", missing)} yet: complete it before relying on any analysis.", [], [], true, true));
        }

        if (brief.Passages.Count == 0)
        {
            risks.Add(new MarketFinding("No uploaded document bears on this market: upload research, product sheets or customer feedback to ground the analysis.", [], [], true, true));
        }

        risks.Add(new MarketFinding($"Check regulatory, pricing and market-size risks{category} with outside sources.", p.Industry is null ? [] : ["industry"], [], true, true));
        return new MarketAnalysis(competitors, opportunities, insights, risks);
    }

    private static IEnumerable<MarketFinding> Quotes(MarketBrief brief, string[] cues, string lead)
    {
        foreach (var passage in brief.Passages)
        {
            // A statement of the passage (never its heading) that mentions a cue.
            var sentence = Excerpts.Of(passage).Where(e => e.IsSinglePart)
                .Select(e => e.Text).FirstOrDefault(t => cues.Any(c => t.Contains(c.Trim(), StringComparison.OrdinalIgnoreCase)));
            if (sentence is not null)
            {
                yield return new MarketFinding($"{lead}: “{Clip(sentence, 300)}”", [], [passage.Number], Inference: false, NeedsResearch: false);
            }
        }
    }
}
