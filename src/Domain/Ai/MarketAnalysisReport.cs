namespace BrandAutomator.Domain.Ai;

/// <summary>
/// A market analysis as it was shown, kept so the team can read earlier ones and see how its market reading changed.
/// <see cref="Findings"/> is the analysis (competitors, opportunities, insights, risks with their bases) as JSON.
/// </summary>
public sealed class MarketAnalysisReport
{
    public const int MaxFocusLength = 500;

    private MarketAnalysisReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid CompanyId { get; private set; }

    public string? Focus { get; private set; }

    public string Findings { get; private set; } = "{}";

    public string Provider { get; private set; } = "";

    public string Model { get; private set; } = "";

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static MarketAnalysisReport Record(
        Guid companyId, string? focus, string findingsJson, string provider, string model, Guid createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CompanyId = companyId,
        Focus = string.IsNullOrWhiteSpace(focus) ? null : focus.Trim(),
        Findings = findingsJson,
        Provider = provider,
        Model = model,
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}
