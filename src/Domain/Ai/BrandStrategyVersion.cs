using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Companies;

namespace BrandAutomator.Domain.Ai;

/// <summary>How the brand speaks: the tone in a sentence or two, what to do and what to avoid.</summary>
public sealed record VoiceGuidelines(string Tone, IReadOnlyList<string> Do, IReadOnlyList<string> Avoid);

/// <summary>
/// "What your results show": what the brand's own published posts of <see cref="Period"/> show (<see cref="Findings"/>,
/// every number measured) and what the strategy recommends because of it (<see cref="Recommendations"/>: networks,
/// formats, posting times, cadence). <see cref="Source"/> is the marker of the results citation in
/// <see cref="BrandStrategy.Sources"/>, which links to the analytics page of the period.
/// </summary>
public sealed record StrategyResults(string Period, IReadOnlyList<string> Findings, IReadOnlyList<string> Recommendations, int Source)
{
    public const int MaxLines = 8;
    public const int MaxLineLength = 400;
}

/// <summary>
/// A complete brand strategy as the strategist proposes it and the user edits it: with the brand colours its documents
/// state (#RRGGBB), the passages of the documents it was drafted from, and, when the brand has published posts with
/// metrics, what those results show (<see cref="Results"/>; null for a brand without results).
/// </summary>
public sealed record BrandStrategy(
    string Vision, string Mission, IReadOnlyList<BrandValue> Values, string PositioningStatement, VoiceGuidelines VoiceGuidelines,
    IReadOnlyList<string> Taglines, IReadOnlyList<string>? Colours = null, IReadOnlyList<ChatCitation>? Sources = null,
    StrategyResults? Results = null)
{
    public const int MaxTaglines = 10;
    public const int MaxTaglineLength = 120;
    public const int MaxGuidelines = 10;
    public const int MaxGuidelineLength = 200;

    /// <summary>The voice guidelines as the company profile keeps them: one text.</summary>
    public string VoiceText()
    {
        var lines = new List<string> { VoiceGuidelines.Tone };
        if (VoiceGuidelines.Do.Count > 0)
        {
            lines.Add("Do: " + string.Join("; ", VoiceGuidelines.Do));
        }

        if (VoiceGuidelines.Avoid.Count > 0)
        {
            lines.Add("Avoid: " + string.Join("; ", VoiceGuidelines.Avoid));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Refuses a strategy that the company profile could not take in whole, naming the field.</summary>
    public BrandStrategy Checked()
    {
        Text(Vision, Company.MaxTextLength, "vision");
        Text(Mission, Company.MaxTextLength, "mission");
        Text(PositioningStatement, Company.MaxTextLength, "positioningStatement");
        if (Values is null || Values.Count is 0 or > Company.MaxValues)
        {
            throw new DomainRuleException($"Give 1 to {Company.MaxValues} values.", "values");
        }

        for (var i = 0; i < Values.Count; i++)
        {
            Text(Values[i]?.Name, 60, $"values[{i}].name");
            Text(Values[i]?.Description, 500, $"values[{i}].description");
        }

        if (Values.Select(v => v.Name.Trim().ToUpperInvariant()).Distinct().Count() != Values.Count)
        {
            throw new DomainRuleException("Each value has its own name.", "values");
        }

        if (VoiceGuidelines is null)
        {
            throw new DomainRuleException("Give the voice guidelines.", "voiceGuidelines");
        }

        Text(VoiceGuidelines.Tone, 600, "voiceGuidelines.tone");
        List(VoiceGuidelines.Do, MaxGuidelines, MaxGuidelineLength, "voiceGuidelines.do", allowEmpty: true);
        List(VoiceGuidelines.Avoid, MaxGuidelines, MaxGuidelineLength, "voiceGuidelines.avoid", allowEmpty: true);
        if (VoiceText().Length > Company.MaxTextLength)
        {
            throw new DomainRuleException($"The voice guidelines together have at most {Company.MaxTextLength} characters.", "voiceGuidelines");
        }

        List(Taglines, MaxTaglines, MaxTaglineLength, "taglines", allowEmpty: false);
        if (Colours is { } colours && (colours.Count > Company.MaxColours || colours.Any(c => !Company.IsHexColour(c))))
        {
            throw new DomainRuleException($"Give at most {Company.MaxColours} colours, written #RRGGBB.", "colours");
        }

        if (Results is { } results)
        {
            Text(results.Period, 100, "results.period");
            List(results.Findings, StrategyResults.MaxLines, StrategyResults.MaxLineLength, "results.findings", allowEmpty: false);
            List(results.Recommendations, StrategyResults.MaxLines, StrategyResults.MaxLineLength, "results.recommendations", allowEmpty: true);
            // Measured facts are only ever shown with the results they were measured from.
            if (Sources?.Any(s => s.Marker == results.Source && s.Kind == ChatCitation.ResultsKind && s.Link is not null) != true)
            {
                throw new DomainRuleException("The results part cites the post results it comes from.", "results");
            }
        }

        return this;
    }

    private static void Text(string? value, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            throw new DomainRuleException($"{field} must have 1 to {max} characters.", field);
        }
    }

    private static void List(IReadOnlyList<string>? items, int maxCount, int maxLength, string field, bool allowEmpty)
    {
        if (items is null || items.Count > maxCount || (!allowEmpty && items.Count == 0))
        {
            throw new DomainRuleException($"Give {(allowEmpty ? 0 : 1)} to {maxCount} items.", field);
        }

        for (var i = 0; i < items.Count; i++)
        {
            Text(items[i], maxLength, $"{field}[{i}]");
        }
    }
}

/// <summary>
/// One version of a company's brand strategy: generated by the strategist, possibly edited by the user, and accepted
/// into the company profile when the user says so. Versions are kept, so that an earlier one can be accepted again.
/// </summary>
public sealed class BrandStrategyVersion : Entity<Guid>
{
    private BrandStrategyVersion()
    {
    }

    public Guid CompanyId { get; private set; }

    /// <summary>1, 2, 3... per company, in the order they were made.</summary>
    public int Number { get; private set; }

    public BrandStrategy Strategy { get; private set; } = null!;

    /// <summary>Who wrote it: the provider's name ("offline", "gemini", ...).</summary>
    public string Provider { get; private set; } = "";

    public string Model { get; private set; } = "";

    /// <summary>The hash of the request that produced it: an identical request returns this version instead of a copy.</summary>
    public string RequestHash { get; private set; } = "";

    public bool Edited { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public static BrandStrategyVersion Generated(
        Guid companyId, int number, BrandStrategy strategy, string provider, string model, string requestHash, Guid userId, DateTimeOffset now)
    {
        now = Stored(now);
        return new BrandStrategyVersion
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            Number = number,
            Strategy = strategy.Checked(),
            Provider = provider,
            Model = model,
            RequestHash = requestHash,
            CreatedBy = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Edit(BrandStrategy strategy, DateTimeOffset now)
    {
        // The documents it was drafted from stay its sources, and the measured results stay as measured, whatever the edit says.
        Strategy = (strategy with { Sources = Strategy.Sources, Results = Strategy.Results }).Checked();
        Edited = true;
        UpdatedAt = Stored(now);
    }

    /// <summary>Writes the strategy into the company profile through its own rules, and remembers when.</summary>
    public void AcceptInto(Company company, DateTimeOffset now)
    {
        if (company.Id != CompanyId)
        {
            throw new DomainRuleException("A strategy is accepted only into its own company.");
        }

        company.DefineStrategy(Strategy.Vision, Strategy.Mission, Strategy.Values, Strategy.PositioningStatement, now);
        company.DefineVoice(Strategy.VoiceText(), now);
        if (Strategy.Colours is { Count: > 0 } colours && company.BrandColours.Count == 0)
        {
            // The colours the documents state, unless the company has chosen its own.
            company.SetIdentity(company.LogoAssetId, colours, now);
        }

        AcceptedAt = Stored(now);
        UpdatedAt = AcceptedAt.Value;
    }

    // Whole microseconds, as the database keeps them: a version reads the same before and after it is saved.
    private static DateTimeOffset Stored(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));
}
