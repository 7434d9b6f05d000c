using System.Runtime.CompilerServices;
using System.Text.Json;
using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Domain.Ai;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Ai.Model;

/// <summary>The AI ports on a model behind <see cref="IChatClient"/> (Gemini or an OpenAI-compatible API).</summary>
public sealed class ModelBrandStrategist(IChatClient chat, IOptions<AiOptions> options) : IBrandStrategist
{
    public async IAsyncEnumerable<StrategistChunk> AnswerAsync(StrategistQuestion question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var messages = Prompts.History(question.History)
            .Append(new ChatMessage(ChatRole.User, Prompts.UserTurn(question.Profile, question.Passages, Prompts.ChatTask(question))))
            .ToList();
        var settings = new ChatOptions
        {
            Instructions = Prompts.Strategist,
            Temperature = (float)options.Value.Temperature,
            MaxOutputTokens = options.Value.MaxOutputTokens,
        };
        await foreach (var update in chat.GetStreamingResponseAsync(messages, settings, cancellationToken))
        {
            var usage = update.Contents.OfType<UsageContent>().Select(u => Tokens(u.Details)).FirstOrDefault();
            var text = update.Text;
            if (text.Length > 0 || usage is not null)
            {
                yield return new StrategistChunk(text.Length > 0 ? text : null, usage);
            }
        }
    }

    internal static AiTokenUsage Tokens(UsageDetails? usage) =>
        usage is null ? AiTokenUsage.None : new AiTokenUsage((int)(usage.InputTokenCount ?? 0), (int)(usage.OutputTokenCount ?? 0));
}

/// <summary>Asks for JSON matching a schema, then checks the answer against it before anything reads it.</summary>
public sealed class StructuredCall(IChatClient chat, IOptions<AiOptions> options, IAiProvider provider)
{
    public async Task<(JsonElement Value, AiTokenUsage Usage)> RunAsync(
        string instructions, string userTurn, JsonElement schema, string schemaName, string what, CancellationToken cancellationToken)
    {
        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, userTurn)], new ChatOptions
        {
            Instructions = instructions,
            Temperature = (float)options.Value.Temperature,
            MaxOutputTokens = options.Value.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, schemaName),
        }, cancellationToken);

        JsonElement value;
        try
        {
            using var document = JsonDocument.Parse(Unfenced(response.Text));
            value = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ExternalServiceException(provider.Info.Provider, $"The AI provider's {what} was not valid JSON. Try again.", ex);
        }

        var problems = JsonSchemaCheck.Problems(schema, value);
        if (problems.Count > 0)
        {
            throw new ExternalServiceException(provider.Info.Provider, $"The AI provider's {what} does not match its schema ({string.Join("; ", problems)}). Try again.");
        }

        return (value, ModelBrandStrategist.Tokens(response.Usage));
    }

    /// <summary>Some models wrap JSON in a Markdown code fence even when asked for JSON only.</summary>
    private static string Unfenced(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var start = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? trimmed[(start + 1)..end] : trimmed;
    }
}

public sealed class ModelStrategyGenerator(StructuredCall call) : IStrategyGenerator
{
    public async Task<AiResult<BrandStrategy>> GenerateAsync(StrategyBrief brief, CancellationToken cancellationToken)
    {
        var (value, usage) = await call.RunAsync(Prompts.StrategyGenerator, Prompts.UserTurn(brief.Profile, brief.Passages, Prompts.StrategyTask(brief)),
            AiSchemas.BrandStrategy, "brand_strategy", "brand strategy", cancellationToken);
        var strategy = new BrandStrategy(
            Text(value, "vision"), Text(value, "mission"),
            value.GetProperty("values").EnumerateArray().Select(v => new BrandValue(Text(v, "name"), Text(v, "description"))).ToList(),
            Text(value, "positioningStatement"),
            new VoiceGuidelines(Text(value.GetProperty("voiceGuidelines"), "tone"), Texts(value.GetProperty("voiceGuidelines"), "do"),
                Texts(value.GetProperty("voiceGuidelines"), "avoid")),
            Texts(value, "taglines"));
        // Optional in the schema: the colours the documents state, and the passages the draft rests on.
        var colours = value.TryGetProperty("colours", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(x => x.GetString()?.Trim().ToUpperInvariant() ?? "").Where(Company.IsHexColour).Distinct().Take(Company.MaxColours).ToList()
            : [];
        // Optional too: what the results passage shows, resting on it (the handler keeps only what the passage bears out).
        var results = brief.Results is { } measured && value.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Object
            ? new StrategyResults(measured.Summary.Period.Span, Texts(r, "findings"), Texts(r, "recommendations"),
                Numbers(r).Contains(measured.Passage) ? measured.Passage : 0)
            : null;
        strategy = strategy with
        {
            Colours = colours.Count > 0 ? colours : null,
            Sources = GroundingQueries.Citations(brief.Passages, Numbers(value).Concat(results is { Source: > 0 } ? [results.Source] : []),
                "brand values tone of voice words to avoid colours"),
            Results = results,
        };
        return new AiResult<BrandStrategy>(strategy, usage);
    }

    internal static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!.Trim();

    /// <summary>The optional "passages" numbers of an element.</summary>
    internal static IReadOnlyList<int> Numbers(JsonElement element) =>
        element.TryGetProperty("passages", out var numbers) && numbers.ValueKind == JsonValueKind.Array
            ? numbers.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out _)).Select(n => n.GetInt32()).ToList()
            : [];

    internal static IReadOnlyList<string> Texts(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).ToList();
}

public sealed class ModelMarketAnalyst(StructuredCall call) : IMarketAnalyst
{
    public async Task<AiResult<MarketAnalysis>> AnalyzeAsync(MarketBrief brief, CancellationToken cancellationToken)
    {
        var (value, usage) = await call.RunAsync(Prompts.MarketAnalyst, Prompts.UserTurn(brief.Profile, brief.Passages, Prompts.MarketTask(brief.Focus)),
            AiSchemas.MarketAnalysis, "market_analysis", "market analysis", cancellationToken);
        IReadOnlyList<MarketFinding> Findings(string name) => value.GetProperty(name).EnumerateArray().Select(f => new MarketFinding(
            ModelStrategyGenerator.Text(f, "statement"), ModelStrategyGenerator.Texts(f, "profileFields"),
            f.GetProperty("passages").EnumerateArray().Select(p => p.GetInt32()).ToList(),
            f.GetProperty("inference").GetBoolean(), f.GetProperty("needsResearch").GetBoolean())).ToList();
        return new AiResult<MarketAnalysis>(
            new MarketAnalysis(Findings("competitors"), Findings("positioningOpportunities"), Findings("audienceInsights"), Findings("risks")), usage);
    }
}

public sealed class ModelPostDrafter(StructuredCall call) : IPostDrafter
{
    public async Task<AiResult<IReadOnlyList<PostDraft>>> DraftAsync(PostBrief brief, CancellationToken cancellationToken)
    {
        var (value, usage) = await call.RunAsync(Prompts.PostDrafter, Prompts.UserTurn(brief.Profile, brief.Passages, Prompts.PostsTask(brief)),
            AiSchemas.PostDrafts, "post_drafts", "post drafts", cancellationToken);
        var byName = Enum.GetValues<SocialPlatform>().ToDictionary(Prompts.Platform, StringComparer.Ordinal);
        var drafts = value.GetProperty("drafts").EnumerateArray()
            .Select(d => (Platform: byName.GetValueOrDefault(d.GetProperty("platform").GetString()!), Text: ModelStrategyGenerator.Text(d, "text"),
                Passages: ModelStrategyGenerator.Numbers(d)))
            .Where(d => brief.Platforms.Contains(d.Platform))
            .Select(d => new PostDraft(d.Platform, d.Text, d.Passages))
            .ToList();
        return new AiResult<IReadOnlyList<PostDraft>>(drafts, usage);
    }
}

public sealed class ModelProfileBioWriter(StructuredCall call) : Application.Social.IProfileBioWriter
{
    public async Task<AiResult<IReadOnlyList<Application.Social.ProfileBioDraft>>> WriteAsync(
        Application.Social.ProfileBioBrief brief, CancellationToken cancellationToken)
    {
        var (value, usage) = await call.RunAsync(Prompts.ProfileBioWriter, Prompts.UserTurn(brief.Profile, [], Prompts.ProfileBiosTask(brief)),
            AiSchemas.ProfileBios, "profile_texts", "profile texts", cancellationToken);
        var byName = Enum.GetValues<SocialPlatform>().ToDictionary(Prompts.Platform, StringComparer.Ordinal);
        var texts = value.GetProperty("texts").EnumerateArray()
            .Where(t => byName.ContainsKey(t.GetProperty("platform").GetString()!))
            .Select(t => new Application.Social.ProfileBioDraft(
                byName[t.GetProperty("platform").GetString()!], t.GetProperty("field").GetString()!, ModelStrategyGenerator.Text(t, "text")))
            .Where(d => brief.Platforms.Any(p => p.Platform == d.Platform && p.Fields.Any(f => f.Key == d.Key)))
            .ToList();
        return new AiResult<IReadOnlyList<Application.Social.ProfileBioDraft>>(texts, usage);
    }
}
