using BrandAutomator.Application.Ai;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Companies;
using static BrandAutomator.Infrastructure.Ai.Offline.OfflineText;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// A strategy draft without a model: what the profile already says is kept; the values, tone of voice, words to avoid
/// and colours the brand's documents state are taken from them, citing the passages; what the brand's post results show
/// is computed from them, citing them; the rest is filled from templates over the fields it has, for the user to edit.
/// </summary>
public sealed class OfflineStrategyGenerator : IStrategyGenerator
{
    public Task<AiResult<BrandStrategy>> GenerateAsync(StrategyBrief brief, CancellationToken cancellationToken) =>
        Task.FromResult(new AiResult<BrandStrategy>(Draft(brief), AiTokenUsage.None));

    public static BrandStrategy Draft(StrategyBrief brief)
    {
        var used = new List<int>();
        var documentValues = DocumentFacts.Values(brief.Passages);
        var tone = DocumentFacts.Tone(brief.Passages);
        var avoid = DocumentFacts.Avoid(brief.Passages);
        var colours = DocumentFacts.Colours(brief.Passages);
        var draft = Draft(brief.Profile);

        var values = draft.Values;
        if (brief.Profile.Values.Count == 0 && documentValues.Count > 0)
        {
            values = documentValues.Select(v => v.Value).ToList();
            used.AddRange(documentValues.Select(v => v.Passage));
        }

        var voice = draft.VoiceGuidelines;
        if (tone is not null)
        {
            // The profile's own voice stays the tone; the guide's description becomes the first thing to do.
            voice = brief.Profile.BrandVoice is null
                ? voice with { Tone = tone.Value }
                : voice with { Do = [Clip(tone.Value, BrandStrategy.MaxGuidelineLength), .. voice.Do.Take(BrandStrategy.MaxGuidelines - 1)] };
            used.Add(tone.Passage);
        }

        if (avoid.Count > 0)
        {
            var banned = avoid.Select(a => Clip(a.Value.StartsWith('"') || a.Value.StartsWith('“') ? $"The word {a.Value}" : a.Value,
                BrandStrategy.MaxGuidelineLength)).ToList();
            voice = voice with { Avoid = banned.Concat(voice.Avoid).Take(BrandStrategy.MaxGuidelines).ToList() };
            used.AddRange(avoid.Select(a => a.Passage));
        }

        used.AddRange(colours.Select(c => c.Passage));
        // What the brand's results show, computed from its metrics and citing them; nothing at all without results.
        var results = brief.Results is { } measured ? Application.Analytics.StrategyResultsText.Section(measured.Summary, measured.Passage) : null;
        if (results is not null)
        {
            used.Add(results.Source);
        }

        var strategy = draft with
        {
            Values = values,
            VoiceGuidelines = voice,
            Colours = colours.Count > 0 ? colours.Select(c => c.Value).ToList() : null,
            Sources = GroundingQueries.Citations(brief.Passages, used, "brand values tone of voice words to avoid colours"),
            Results = results,
        };
        // Every guideline fits the profile as one text: the oldest template lines give way first.
        while (strategy.VoiceText().Length > Company.MaxTextLength && strategy.VoiceGuidelines.Do.Count > 1)
        {
            strategy = strategy with { VoiceGuidelines = strategy.VoiceGuidelines with { Do = strategy.VoiceGuidelines.Do.SkipLast(1).ToList() } };
        }

        return strategy;
    }

    public static BrandStrategy Draft(BrandProfile p)
    {
        var audience = p.TargetAudience is { } a ? Prose.Phrase(Clip(a, 200)) : "its customers";
        var problem = p.CoreProblem is { } c ? Inline(Clip(c, 300)) : null;
        var industry = p.Industry is { } i ? Prose.Phrase(Clip(i, 100)) : null;
        var category = industry ?? "what we do";
        // The description is the user's own words, kept as its own sentences: it may be a phrase or a paragraph,
        // which no template can safely splice into the middle of a sentence.
        var offer = p.Description is { } d ? Prose.Fit([Prose.Paragraph(d)], 300) : null;

        var vision = p.Vision ?? Sentence(problem is null
            ? $"A world where {audience} can count on {p.Name}{(industry is null ? "" : $" in {industry}")}"
            : $"A world where {audience} no longer struggle with this: {problem}");
        var mission = p.Mission ?? (offer is null
            ? Sentence($"{p.Name} serves {audience}{(industry is null ? "" : $" in {industry}")}{(problem is null ? "" : $", solving this: {problem}")}")
            : $"{Sentence($"{p.Name} serves {audience}")} {offer}");
        var values = p.Values.Count > 0
            ? p.Values.Select(v => new BrandValue(v.Name, v.Description)).ToList()
            : new List<BrandValue>
            {
                new("Clarity", Clip($"We explain {category} plainly, so that {audience} can decide with confidence.", 500)),
                new("Focus", Clip(problem is null ? $"We do a few things for {audience}, and do them well." : $"Everything we make starts from one problem: {problem}.", 500)),
                new("Trust", "We promise only what we can show, and keep every promise we make."),
            };
        var brand = industry is null ? "the brand" : $"the {industry} brand";
        var positioning = p.PositioningStatement ?? string.Join(' ', new[]
        {
            Sentence($"For {audience}, {p.Name} is {brand} to trust"),
            problem is null ? null : Sentence($"It starts from one problem: {problem}"),
            offer,
        }.OfType<string>());
        var tone = p.BrandVoice is { } voice ? Clip(voice, 600) : "Clear, warm and concrete: plain words, short sentences, real examples.";
        var guidelines = new VoiceGuidelines(
            tone,
            [Clip($"Speak to {audience} directly, as \"you\"", 200), "Show rather than claim: examples, facts from your own documents", "Keep sentences short and verbs active"],
            ["Jargon and buzzwords", "Claims your documents do not support", "Promises about results you cannot show"]);
        var taglines = new List<string?>
        {
            p.TargetAudience is null ? null : $"{p.Name}: made for {audience}",
            problem is null ? industry is null ? null : $"{p.Name}. {Sentence(industry)[..^1]}, done right" : $"{p.Name}. Less struggle, more results",
            industry is null ? null : $"Your {industry}, simplified",
        }.OfType<string>().Where(t => t.Length <= 80).Distinct(StringComparer.Ordinal).ToList();
        if (taglines.Count == 0)
        {
            taglines.Add(Clip(p.Name, BrandStrategy.MaxTaglineLength));
        }

        return new BrandStrategy(Clip(vision, Company.MaxTextLength), Clip(mission, Company.MaxTextLength), values,
            Clip(positioning, Company.MaxTextLength), guidelines, taglines);
    }
}
