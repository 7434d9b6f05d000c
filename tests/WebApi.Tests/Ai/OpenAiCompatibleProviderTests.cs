using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BrandAutomator.WebApi.Tests.Ai;

/// <summary>The API configured for an OpenAI-compatible provider (as Ollama or vLLM would be), faked by WireMock with the chat-completions wire format.</summary>
public sealed class OpenAiCompatibleApiFactory : ApiFactory
{
    public WireMockServer Provider { get; } = WireMockServer.Start();

    public override Task InitializeAsync()
    {
        WithSetting("Ai:Provider", "OpenAiCompatible");
        WithSetting("Ai:BaseUrl", Provider.Url + "/v1");
        WithSetting("Ai:ApiKey", "sk-local-test");
        WithSetting("Ai:Model", "llama-test");
        return base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        Provider.Stop();
        Provider.Dispose();
        await base.DisposeAsync();
    }
}

public sealed class OpenAiCompatibleProviderTests(OpenAiCompatibleApiFactory factory) : IClassFixture<OpenAiCompatibleApiFactory>
{
    [Fact]
    public async Task Chat_streams_the_providers_chat_completion_chunks_with_citations_and_usage()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        var documents = await account.UploadCorpusAsync();
        factory.Provider.Reset();
        factory.Provider
            .Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream").WithBody(Stream(
                """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"llama-test","choices":[{"index":0,"delta":{"role":"assistant","content":"Unopened bags: 45 days"},"finish_reason":null}]}""",
                """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"llama-test","choices":[{"index":0,"delta":{"content":" from delivery [1]."},"finish_reason":"stop"}]}""",
                """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"llama-test","choices":[],"usage":{"prompt_tokens":210,"completion_tokens":12,"total_tokens":222}}""")));

        var events = await account.ChatAsync(new { companyId = company, message = "How long do customers have to return unopened bags?" });

        Assert.Equal(["session", "delta", "delta", "citation", "done"], events.Select(e => e.Name));
        Assert.Equal("Unopened bags: 45 days from delivery [1].", events.Answer());
        Assert.Equal(documents[0], events[3].Data["assetId"]!.GetValue<Guid>());
        Assert.Equal("openai-compatible", events[^1].Data["provider"]!.GetValue<string>());
        Assert.Equal(210, events[^1].Data["usage"]!["inputTokens"]!.GetValue<int>());

        var request = Assert.Single(factory.Provider.LogEntries).RequestMessage;
        Assert.Equal("Bearer sk-local-test", request.Headers!["Authorization"].Single());
        var body = JsonNode.Parse(request.Body!)!;
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.Equal("llama-test", body["model"]!.GetValue<string>());
        var messages = body["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Contains(AiApi.ReturnsFact, messages[^1]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_strategy_comes_back_as_json_in_the_schema_and_is_kept_as_a_version()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        var strategy = new JsonObject
        {
            ["vision"] = "Every home kitchen a great café",
            ["mission"] = "Roast to order and teach people to brew",
            ["values"] = new JsonArray(new JsonObject { ["name"] = "Freshness", ["description"] = "Shipped within 48 hours of roasting" }),
            ["positioningStatement"] = "For remote workers who brew at home, Northwind is the roaster that ships beans at their peak.",
            ["voiceGuidelines"] = new JsonObject { ["tone"] = "Warm and precise", ["do"] = new JsonArray("Use numbers"), ["avoid"] = new JsonArray("Jargon") },
            ["taglines"] = new JsonArray("Peak flavour, at home"),
        };
        factory.Provider.Reset();
        factory.Provider
            .Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(new JsonObject
            {
                ["id"] = "c2", ["object"] = "chat.completion", ["created"] = 1, ["model"] = "llama-test",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["finish_reason"] = "stop",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = strategy.ToJsonString() },
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 300, ["completion_tokens"] = 90, ["total_tokens"] = 390 },
            }.ToJsonString()));

        var response = await account.Client.PostAsJsonAsync("/api/v1/ai/generate-brand-strategy", new { companyId = company });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var version = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Every home kitchen a great café", version["strategy"]!["vision"]!.GetValue<string>());
        Assert.Equal("openai-compatible", version["provider"]!.GetValue<string>());
        Assert.False(version["offline"]!.GetValue<bool>());
        var body = JsonNode.Parse(Assert.Single(factory.Provider.LogEntries).RequestMessage.Body!)!;
        Assert.Equal("json_schema", body["response_format"]!["type"]!.GetValue<string>());
        Assert.Equal("object", body["response_format"]!["json_schema"]!["schema"]!["type"]!.GetValue<string>());
        var usage = (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/ai/usage"))!;
        Assert.Equal(300, usage["inputTokens"]!.GetValue<int>());
        Assert.Equal(90, usage["outputTokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_provider_refusing_the_request_is_a_502_that_says_why()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        factory.Provider.Reset();
        factory.Provider
            .Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":{"message":"model 'llama-test' not found","type":"invalid_request_error"}}"""));

        var response = await account.Client.PostAsJsonAsync("/api/v1/ai/analyze-market", new { companyId = company });

        await response.EnsureStatusAsync(HttpStatusCode.BadGateway);
        Assert.Contains("does not know the model 'llama-test'", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Stream(params string[] chunks) => string.Concat(chunks.Select(c => $"data: {c}\n\n")) + "data: [DONE]\n\n";
}
