using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Infrastructure.Ai;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BrandAutomator.WebApi.Tests.BrandGuard;

/// <summary>The API configured for Gemini (a local fake speaking its wire format), with a short wait for the brand check's review.</summary>
public sealed class GuardGeminiApiFactory : ApiFactory
{
    public FakeGemini Gemini { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Gemini = await FakeGemini.StartAsync();
        WithSetting("Ai:Provider", "Gemini");
        WithSetting("Ai:ApiKey", "gemini-test-key");
        WithSetting("Ai:Model", "gemini-test");
        WithSetting("Ai:BaseUrl", Gemini.Url);
        WithSetting("Ai:MaxRetries", "0");
        WithSetting("Ai:BrandCheckTimeoutSeconds", "10");
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Gemini.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// The brand check reviewed by Gemini: better reasons, still cited; tone judged with reasons; an answer citing a passage it
/// was not given, a malformed answer or a slow provider leave the offline findings with a note; the review is metered.
/// </summary>
public sealed class GuardModelTests(GuardGeminiApiFactory factory) : IClassFixture<GuardGeminiApiFactory>
{
    private const string Post = "Our cheap full service is £95 this spring. #PedalAndPine";

    [Fact]
    public async Task Gemini_rewrites_the_reasons_citing_the_given_passages_and_judges_the_tone_and_the_answer_is_metered_and_cached()
    {
        var (account, ids) = await GuardDocuments.UploadAsync(factory);
        factory.Gemini.Reset();
        factory.Gemini.Answer = body =>
        {
            var brief = Brief(body);
            var cheap = Finding(brief, "BannedWord");
            var price = Finding(brief, "ContradictedClaim");
            var tone = brief["tonePassages"]!.AsArray()[0]!.GetValue<int>();
            return new JsonObject
            {
                ["findings"] = new JsonArray(
                    Reviewed(cheap, true, "The brand guide lists \u201Ccheap\u201D among the words never used; say affordable or give the price."),
                    Reviewed(price, true, "The 2026 price list gives £119 for a full service; £95 was the 2024 price.")),
                ["added"] = new JsonArray(),
                ["tone"] = new JsonArray(new JsonObject
                {
                    ["network"] = "LinkedIn", ["onBrand"] = false, ["verdict"] = "Too salesy",
                    ["reasons"] = new JsonArray("It leads with price instead of the practical, patient help the guide describes."),
                    ["passages"] = new JsonArray(tone),
                }),
            }.ToJsonString();
        };

        var check = await GuardDocuments.CheckAsync(account, Post, tone: true);

        Assert.True(check["modelReviewed"]!.GetValue<bool>());
        Assert.False(check["offline"]!.GetValue<bool>());
        Assert.Null(check["modelNote"]);
        var cheapFinding = Assert.Single(GuardDocuments.Kinds(check, "bannedWord"));
        Assert.StartsWith("The brand guide lists", cheapFinding["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(cheapFinding["byModel"]!.GetValue<bool>());
        Assert.Equal(ids.Guide, cheapFinding["source"]!["assetId"]!.GetValue<Guid>());
        Assert.Equal("high", cheapFinding["severity"]!.GetValue<string>());
        Assert.NotNull(cheapFinding["fix"]);
        var priceFinding = Assert.Single(GuardDocuments.Kinds(check, "contradictedClaim"));
        Assert.Contains("£119", priceFinding["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ids.Prices, priceFinding["source"]!["assetId"]!.GetValue<Guid>());
        var toneFinding = Assert.Single(GuardDocuments.Kinds(check, "tone"));
        Assert.Contains("patient help", toneFinding["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Too salesy", check["variants"]![0]!["tone"]!["verdict"]!.GetValue<string>());
        Assert.Equal(ids.Guide, toneFinding["source"]!["assetId"]!.GetValue<Guid>());

        // Gemini's structured output was asked for, with the post and the passages as quoted data.
        var request = Assert.Single(factory.Gemini.Requests);
        Assert.EndsWith(":generateContent", request.Path, StringComparison.Ordinal);
        Assert.Equal("application/json", request.Body["generationConfig"]!["responseMimeType"]!.GetValue<string>());
        Assert.NotNull(request.Body["generationConfig"]!["responseSchema"]);
        Assert.Contains(Brief(request.Body)["passages"]!.AsArray(), p => p!["text"]!.GetValue<string>().Contains("£119", StringComparison.Ordinal));

        // Counted as one AI request; the same post again is served from the cache, not asked again.
        var again = await GuardDocuments.CheckAsync(account, Post, tone: true);
        Assert.True(again["modelReviewed"]!.GetValue<bool>());
        Assert.Single(factory.Gemini.Requests);
        var usage = (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/ai/usage"))!;
        Assert.Equal(1, usage["requests"]!.GetValue<int>());
        Assert.Equal(1, usage["cachedResponses"]!.GetValue<int>());

        // As the user types (no useAi) the check stays offline and does not call Gemini.
        var live = await GuardDocuments.CheckAsync(account, Post + " See you soon.", tone: true, useAi: false);
        Assert.True(live["offline"]!.GetValue<bool>());
        Assert.Single(factory.Gemini.Requests);
    }

    [Fact]
    public async Task Invented_citations_are_dropped_and_the_model_cannot_clear_a_banned_word_or_an_old_price()
    {
        var (account, ids) = await GuardDocuments.UploadAsync(factory);
        factory.Gemini.Reset();
        factory.Gemini.Answer = body =>
        {
            var brief = Brief(body);
            return new JsonObject
            {
                ["findings"] = new JsonArray(
                    // Disagrees about the banned word, citing its passage: kept, with the objection.
                    Reviewed(Finding(brief, "BannedWord"), false, "Cheap is fine in a casual post."),
                    // A reason resting on a passage it was never given: dropped, the offline reason stays.
                    new JsonObject { ["finding"] = Finding(brief, "ContradictedClaim")["number"]!.GetValue<int>(), ["agrees"] = false, ["reason"] = "The price is right.", ["passages"] = new JsonArray(99) }),
                ["added"] = new JsonArray(
                    new JsonObject { ["network"] = "LinkedIn", ["kind"] = "UnsupportedClaim", ["words"] = "this spring", ["reason"] = "No document mentions a spring offer.", ["passages"] = new JsonArray() },
                    new JsonObject { ["network"] = "LinkedIn", ["kind"] = "BannedWord", ["words"] = "not in the post", ["reason"] = "Invented.", ["passages"] = new JsonArray(1) }),
                ["tone"] = new JsonArray(),
            }.ToJsonString();
        };

        var check = await GuardDocuments.CheckAsync(account, Post, tone: false);

        var findings = check["variants"]![0]!["findings"]!.AsArray();
        Assert.Equal(["bannedWord", "contradictedClaim"], findings.Select(f => f!["kind"]!.GetValue<string>()).Order());
        var cheap = Assert.Single(GuardDocuments.Kinds(check, "bannedWord"));
        Assert.Contains("The AI review questions this: Cheap is fine in a casual post.", cheap["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(cheap["blocking"]!.GetValue<bool>());
        var price = Assert.Single(GuardDocuments.Kinds(check, "contradictedClaim"));
        Assert.DoesNotContain("The price is right", price["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(price["byModel"]!.GetValue<bool>());
        Assert.Equal(ids.Prices, price["source"]!["assetId"]!.GetValue<Guid>());
        Assert.True(check["blocking"]!.GetValue<bool>());
        Assert.Contains("3 answers without a passage", check["modelNote"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_answer_or_a_time_out_leaves_the_offline_findings_with_a_note_and_costs_no_request()
    {
        var (account, _) = await GuardDocuments.UploadAsync(factory);
        factory.Gemini.Reset();
        factory.Gemini.GenerateText = "{\"findings\": [{\"finding\": \"one\"";

        var malformed = await GuardDocuments.CheckAsync(account, Post, tone: false);

        Assert.False(malformed["modelReviewed"]!.GetValue<bool>());
        Assert.True(malformed["offline"]!.GetValue<bool>());
        Assert.Contains("These are the offline findings.", malformed["modelNote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, malformed["variants"]![0]!["findings"]!.AsArray().Count);

        factory.Gemini.Reset();
        factory.Gemini.Delay = TimeSpan.FromSeconds(90);
        var started = DateTime.UtcNow;
        var slow = await GuardDocuments.CheckAsync(account, Post + " Book now.", tone: false);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
        Assert.Contains("did not answer within 10 seconds", slow["modelNote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, slow["variants"]![0]!["findings"]!.AsArray().Count);
        Assert.Equal(0, (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/ai/usage"))!["requests"]!.GetValue<int>());
        factory.Gemini.Reset();
    }

    private static JsonObject Brief(JsonObject body)
    {
        var turn = body["contents"]!.AsArray().Last()!["parts"]![0]!["text"]!.GetValue<string>();
        var start = turn.IndexOf(Prompts.QuotedDataStart, StringComparison.Ordinal) + Prompts.QuotedDataStart.Length;
        var end = turn.IndexOf(Prompts.QuotedDataEnd, StringComparison.Ordinal);
        return JsonNode.Parse(turn[start..end])!.AsObject();
    }

    private static JsonObject Finding(JsonObject brief, string kind) =>
        brief["findings"]!.AsArray().Single(f => f!["kind"]!.GetValue<string>() == kind)!.AsObject();

    private static JsonObject Reviewed(JsonObject finding, bool agrees, string reason) => new()
    {
        ["finding"] = finding["number"]!.GetValue<int>(), ["agrees"] = agrees, ["reason"] = reason,
        ["passages"] = JsonNode.Parse(finding["passages"]!.ToJsonString()),
    };
}

/// <summary>The API configured for an OpenAI-compatible provider (WireMock speaking chat completions), with a short wait for the review.</summary>
public sealed class GuardOpenAiApiFactory : ApiFactory
{
    public WireMockServer Provider { get; } = WireMockServer.Start();

    public override Task InitializeAsync()
    {
        WithSetting("Ai:Provider", "OpenAiCompatible");
        WithSetting("Ai:BaseUrl", Provider.Url + "/v1");
        WithSetting("Ai:ApiKey", "sk-local-test");
        WithSetting("Ai:Model", "llama-test");
        WithSetting("Ai:MaxRetries", "0");
        WithSetting("Ai:BrandCheckTimeoutSeconds", "10");
        return base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        Provider.Stop();
        Provider.Dispose();
        await base.DisposeAsync();
    }
}

public sealed class GuardOpenAiTests(GuardOpenAiApiFactory factory) : IClassFixture<GuardOpenAiApiFactory>
{
    [Fact]
    public async Task An_openai_compatible_model_reviews_in_json_schema_mode_and_a_slow_one_falls_back()
    {
        var (account, ids) = await GuardDocuments.UploadAsync(factory);
        var review = new JsonObject
        {
            ["findings"] = new JsonArray(new JsonObject
            {
                ["finding"] = 1, ["agrees"] = true, ["reason"] = "The guide never uses \u201Ccheap\u201D; say affordable.", ["passages"] = new JsonArray(1),
            }),
            ["added"] = new JsonArray(),
            ["tone"] = new JsonArray(),
        };
        factory.Provider.Reset();
        factory.Provider.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Completion(review.ToJsonString())));

        var check = await GuardDocuments.CheckAsync(account, "Cheap rides all weekend. #PedalAndPine", tone: false);

        Assert.True(check["modelReviewed"]!.GetValue<bool>(), check.ToJsonString());
        var cheap = Assert.Single(GuardDocuments.Kinds(check, "bannedWord"));
        Assert.Equal("The guide never uses \u201Ccheap\u201D; say affordable.", cheap["reason"]!.GetValue<string>());
        Assert.Equal(ids.Guide, cheap["source"]!["assetId"]!.GetValue<Guid>());
        var body = JsonNode.Parse(Assert.Single(factory.Provider.LogEntries).RequestMessage.Body!)!;
        Assert.Equal("json_schema", body["response_format"]!["type"]!.GetValue<string>());
        Assert.Contains("Cheap rides all weekend", body["messages"]!.ToJsonString(), StringComparison.Ordinal);

        factory.Provider.Reset();
        factory.Provider.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(40)).WithHeader("Content-Type", "application/json")
                .WithBody(Completion(review.ToJsonString())));
        var slow = await GuardDocuments.CheckAsync(account, "Cheap rides all weekend, again. #PedalAndPine", tone: false);

        Assert.False(slow["modelReviewed"]!.GetValue<bool>());
        Assert.Contains("did not answer within 10 seconds", slow["modelNote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("The brand never uses", Assert.Single(GuardDocuments.Kinds(slow, "bannedWord"))["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        factory.Provider.Reset();
    }

    private static string Completion(string content) => new JsonObject
    {
        ["id"] = "c1", ["object"] = "chat.completion", ["created"] = 1, ["model"] = "llama-test",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0, ["finish_reason"] = "stop", ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 200, ["completion_tokens"] = 40, ["total_tokens"] = 240 },
    }.ToJsonString();
}

/// <summary>The documents of the model tests: a guide with a banned word, a tone and a hashtag, and the current price list.</summary>
internal static class GuardDocuments
{
    private const string Guide = """
        # Pedal & Pine brand guide

        ## Tone of voice

        We sound like a patient guide on a forest trail: warm, plain and practical, never pushy.

        ## Words we avoid

        Never use these words in anything we publish:

        - "cheap" (say "affordable" or give the price)

        ## Hashtags

        Every post carries #PedalAndPine.
        """;

    private const string Prices = """
        # Price list 2026

        | Service | Price |
        | --- | --- |
        | Full service | £119 |
        | Puncture repair | £14 |
        """;

    public static async Task<(Account Account, (Guid Guide, Guid Prices) Ids)> UploadAsync(ApiFactory factory)
    {
        var account = await factory.RegisterAsync();
        var ids = await (await account.UploadAsync(("guide.md", SampleFiles.Text(Guide)), ("prices-2026.md", SampleFiles.Text(Prices)))).AssetIdsAsync();
        foreach (var id in ids)
        {
            Assert.Equal("ready", (await account.WaitProcessedAsync(id, TimeSpan.FromMinutes(3)))["state"]!.GetValue<string>());
        }

        return (account, (ids[0], ids[1]));
    }

    public static async Task<JsonObject> CheckAsync(Account account, string text, bool tone, bool useAi = true)
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/brand-guard/check",
            new { variants = new[] { new { platform = "linkedIn", text } }, tone, useAi });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static List<JsonNode> Kinds(JsonObject check, string kind) =>
        check["variants"]![0]!["findings"]!.AsArray().Where(f => f!["kind"]!.GetValue<string>() == kind).Select(f => f!).ToList();
}
