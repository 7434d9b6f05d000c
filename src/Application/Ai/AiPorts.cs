using BrandAutomator.Application.Onboarding;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Ai;

/// <summary>The company profile as the AI sees it: quoted data about the brand, never instructions.</summary>
public sealed record BrandProfile(
    Guid CompanyId, string Name, string? Description, string? Industry, string? Website, string? TargetAudience, string? CoreProblem,
    string? BrandVoice, string? Vision, string? Mission, IReadOnlyList<BrandValueDto> Values, string? PositioningStatement)
{
    /// <summary>The profile fields a finding may name as its basis, as the API spells them.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
    [
        "name", "description", "industry", "website", "targetAudience", "coreProblem", "brandVoice", "vision", "mission", "values",
        "positioningStatement",
    ];

    public static BrandProfile From(Company c) => new(
        c.Id, c.Name, c.Description, c.Industry, c.Website, c.TargetAudience, c.CoreProblem, c.BrandVoice, c.Vision, c.Mission,
        c.Values.Select(v => new BrandValueDto(v.Name, v.Description)).ToList(), c.PositioningStatement);

    /// <summary>Whether the profile has a value for the field (by its API name).</summary>
    public bool Has(string field) => field switch
    {
        "name" => true,
        "description" => !string.IsNullOrWhiteSpace(Description),
        "industry" => !string.IsNullOrWhiteSpace(Industry),
        "website" => !string.IsNullOrWhiteSpace(Website),
        "targetAudience" => !string.IsNullOrWhiteSpace(TargetAudience),
        "coreProblem" => !string.IsNullOrWhiteSpace(CoreProblem),
        "brandVoice" => !string.IsNullOrWhiteSpace(BrandVoice),
        "vision" => !string.IsNullOrWhiteSpace(Vision),
        "mission" => !string.IsNullOrWhiteSpace(Mission),
        "values" => Values.Count > 0,
        "positioningStatement" => !string.IsNullOrWhiteSpace(PositioningStatement),
        _ => false,
    };
}

/// <summary>
/// A passage of the tenant's documents handed to a generator, numbered so that the answer can cite it ("[1]"), with the heading path it sits under
/// (for example "Brand guide › Colours") and its relevance (higher is more relevant; 0 when unknown). When retrieval
/// compared each part of the passage with the question, <paramref name="PartCosines"/> holds those cosines by the part's
/// text, so that a generator weighing parts by meaning need not embed them again (not part of a request's identity).
/// A passage of the workspace's post results (<see cref="Kind"/> <see cref="ChatCitation.ResultsKind"/>) has no asset:
/// its text is computed from the stored metrics, and <see cref="Link"/> is the analytics page it was computed for.
/// </summary>
public sealed record GroundingPassage(
    int Number, Guid AssetId, string AssetName, Guid ChunkId, int? Page, string Text, string? Heading = null, double Relevance = 0,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyDictionary<string, double>? PartCosines = null,
    string Kind = ChatCitation.DocumentKind, string? Link = null)
{
    public bool IsResults => Kind == ChatCitation.ResultsKind;

    /// <summary>This passage as a citation by its number, quoting <paramref name="snippet"/>.</summary>
    public ChatCitation Cite(string snippet) => new(Number, AssetId, AssetName, ChunkId, Page, snippet, Kind, Link);
}

/// <summary>Tokens a provider reported for one request; zero for the offline provider.</summary>
public sealed record AiTokenUsage(int InputTokens, int OutputTokens)
{
    public static readonly AiTokenUsage None = new(0, 0);

    public AiTokenUsage Plus(AiTokenUsage other) => new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens);
}

/// <summary>
/// The configured provider: its name ("offline", "gemini", "openai-compatible"), model, and the revision of the prompts,
/// which together with the request identify a cacheable answer.
/// </summary>
public sealed record AiProviderInfo(string Provider, string Model, string PromptRevision)
{
    public const string OfflineName = "offline";

    public bool IsOffline => Provider == OfflineName;

    /// <summary>The visible label of offline output.</summary>
    public string? Note => IsOffline
        ? "Offline mode: built from your company profile and documents, not written by an AI model. An administrator can connect an AI model for written answers."
        : null;
}

/// <summary>Which provider answers, as configured.</summary>
public interface IAiProvider
{
    AiProviderInfo Info { get; }
}

public sealed record ChatTurn(ChatAuthor Author, string Text);

/// <summary>
/// A question to the strategist with what it may answer from: the profile, the passages and the conversation so far.
/// <paramref name="NoResults"/>: the question asks about the workspace's post results and there are none for it, in
/// words to say so (so that no number is guessed); null otherwise.
/// </summary>
public sealed record StrategistQuestion(
    BrandProfile? Profile, IReadOnlyList<GroundingPassage> Passages, IReadOnlyList<ChatTurn> History, string Question, string? NoResults = null);

/// <summary>A piece of a streamed answer: text as it arrives, and the token usage when the provider reports it.</summary>
public sealed record StrategistChunk(string? Text, AiTokenUsage? Usage);

/// <summary>The brand strategist of the chat: answers a question, streaming, citing passages by number.</summary>
public interface IBrandStrategist
{
    IAsyncEnumerable<StrategistChunk> AnswerAsync(StrategistQuestion question, CancellationToken cancellationToken);
}

/// <summary>A structured result and what it cost.</summary>
public sealed record AiResult<T>(T Value, AiTokenUsage Usage);

/// <summary>
/// What a strategy is drafted from: the profile, the passages, and, when the brand has published posts with metrics,
/// its recent results (<paramref name="Results"/>; the results are also among the passages, by their number).
/// </summary>
public sealed record StrategyBrief(BrandProfile Profile, IReadOnlyList<GroundingPassage> Passages, ResultsBrief? Results = null);

/// <summary>The brand's recent results as computed (<paramref name="Summary"/>) and the number of the passage that carries them.</summary>
public sealed record ResultsBrief(int Passage, Analytics.PostResultsSummary Summary);

/// <summary>Drafts a complete brand strategy (vision, mission, values, positioning, voice, taglines) for a company.</summary>
public interface IStrategyGenerator
{
    Task<AiResult<BrandStrategy>> GenerateAsync(StrategyBrief brief, CancellationToken cancellationToken);
}

public sealed record MarketBrief(BrandProfile Profile, IReadOnlyList<GroundingPassage> Passages, string? Focus);

/// <summary>
/// One finding of a market analysis: the profile fields and passage numbers it rests on, whether it is an inference
/// rather than something the data states, and whether it needs outside research before anyone relies on it.
/// </summary>
public sealed record MarketFinding(string Statement, IReadOnlyList<string> ProfileFields, IReadOnlyList<int> Passages, bool Inference, bool NeedsResearch);

public sealed record MarketAnalysis(
    IReadOnlyList<MarketFinding> Competitors, IReadOnlyList<MarketFinding> PositioningOpportunities, IReadOnlyList<MarketFinding> AudienceInsights,
    IReadOnlyList<MarketFinding> Risks);

/// <summary>Analyses the company's market from its profile and documents, separating what they state from inference.</summary>
public interface IMarketAnalyst
{
    Task<AiResult<MarketAnalysis>> AnalyzeAsync(MarketBrief brief, CancellationToken cancellationToken);
}

/// <summary>
/// What to write: <paramref name="Performance"/>, when the workspace has results, is what did best in them (the
/// number of the results passage and the patterns to follow), for the drafts to lean on.
/// </summary>
public sealed record PostBrief(
    BrandProfile Profile, IReadOnlyList<GroundingPassage> Passages, IReadOnlyList<SocialPlatform> Platforms, string Topic, int Count,
    PerformanceBrief? Performance = null);

/// <summary>The patterns of the workspace's best posts a draft should follow, and the results passage they come from.</summary>
public sealed record PerformanceBrief(int Passage, IReadOnlyList<Analytics.PostPattern> Follow);

/// <summary>A draft for one platform, with the numbers of the passages it drew on.</summary>
public sealed record PostDraft(SocialPlatform Platform, string Text, IReadOnlyList<int>? Passages = null);

/// <summary>Drafts social posts on a topic in the brand's voice, for each platform asked.</summary>
public interface IPostDrafter
{
    Task<AiResult<IReadOnlyList<PostDraft>>> DraftAsync(PostBrief brief, CancellationToken cancellationToken);
}
