using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Infrastructure.Ai;
using BrandAutomator.Infrastructure.Ai.Gemini;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BrandAutomator.Infrastructure.Tests.Ai;

/// <summary>The Gemini adapter against a local fake (WireMock) speaking Gemini's REST wire format.</summary>
public sealed class GeminiChatClientTests : IDisposable
{
    private const string Key = "test-gemini-key";
    private const string Model = "gemini-2.5-flash";
    private const string GeneratePath = "/v1beta/models/" + Model + ":generateContent";

    private readonly WireMockServer _gemini = WireMockServer.Start();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _gemini.Stop();
        _gemini.Dispose();
    }

    [Fact]
    public async Task A_structured_request_sends_the_key_the_system_instruction_and_the_json_response_schema()
    {
        _gemini.Given(Request.Create().WithPath(GeneratePath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Answer("""{"taglines":["Peak flavour"]}""")));
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"taglines":{"type":"array","items":{"type":"string"}}},"required":["taglines"],"additionalProperties":false}""").RootElement;

        var response = await Client().GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Draft taglines."), new ChatMessage(ChatRole.Assistant, "Earlier answer"), new ChatMessage(ChatRole.User, "Again.")],
            new ChatOptions { Instructions = "You are a brand strategist.", Temperature = 0.2f, MaxOutputTokens = 500, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "taglines") });

        Assert.Equal("""{"taglines":["Peak flavour"]}""", response.Text);
        Assert.Equal(11, response.Usage!.InputTokenCount);
        Assert.Equal(7, response.Usage.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        var request = Assert.Single(_gemini.LogEntries).RequestMessage;
        Assert.Equal(Key, request.Headers!["x-goog-api-key"].Single());
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("You are a brand strategist.", body["systemInstruction"]!["parts"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(["user", "model", "user"], body["contents"]!.AsArray().Select(c => c!["role"]!.GetValue<string>()));
        var config = body["generationConfig"]!;
        Assert.Equal("application/json", config["responseMimeType"]!.GetValue<string>());
        Assert.Equal("OBJECT", config["responseSchema"]!["type"]!.GetValue<string>());
        Assert.Equal("ARRAY", config["responseSchema"]!["properties"]!["taglines"]!["type"]!.GetValue<string>());
        Assert.Null(config["responseSchema"]!["additionalProperties"]);
        Assert.Equal(500, config["maxOutputTokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_429_resource_exhausted_waits_out_the_retry_info_delay_and_retries()
    {
        _gemini.Given(Request.Create().WithPath(GeneratePath).UsingPost()).InScenario("quota").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Content-Type", "application/json").WithBody("""
                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED",
                  "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generate_content_free_tier_requests"}]},
                             {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1s"}]}}
                """));
        _gemini.Given(Request.Create().WithPath(GeneratePath).UsingPost()).InScenario("quota").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Answer("Served after waiting")));
        var watch = Stopwatch.StartNew();

        var response = await Client().GetResponseAsync([new ChatMessage(ChatRole.User, "Hello")]);

        Assert.Equal("Served after waiting", response.Text);
        Assert.Equal(2, _gemini.LogEntries.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"Retried after {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_429_asking_for_a_longer_wait_than_allowed_is_reported_without_waiting()
    {
        _gemini.Given(Request.Create().WithPath(GeneratePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(429).WithBody(
            """{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3600s"}]}}"""));

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Client().GetResponseAsync([new ChatMessage(ChatRole.User, "Hello")]));

        Assert.Single(_gemini.LogEntries);
        Assert.Contains("quota is exhausted (429 RESOURCE_EXHAUSTED)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_400_is_not_retried_and_says_what_gemini_said()
    {
        _gemini.Given(Request.Create().WithPath(GeneratePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
            .WithBody("""{"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \"foo\": Cannot find field.","status":"INVALID_ARGUMENT"}}"""));

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Client().GetResponseAsync([new ChatMessage(ChatRole.User, "Hello")]));

        Assert.Single(_gemini.LogEntries);
        Assert.Equal("Gemini", failure.Service);
        Assert.Equal("Gemini refused the request as invalid (400 INVALID_ARGUMENT): Invalid JSON payload received. Unknown name \"foo\": Cannot find field.", failure.Message);
    }

    [Theory]
    [InlineData(403, "PERMISSION_DENIED", "check the AI key")]
    [InlineData(404, "NOT_FOUND", "does not know the model 'gemini-2.5-flash'")]
    public async Task Refusals_of_access_or_model_are_not_retried(int status, string name, string expected)
    {
        _gemini.Given(Request.Create().WithPath(GeneratePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(status)
            .WithBody($$$"""{"error":{"code":{{{status}}},"message":"Refused","status":"{{{name}}}"}}"""));

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Client().GetResponseAsync([new ChatMessage(ChatRole.User, "Hello")]));

        Assert.Single(_gemini.LogEntries);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_answer_arrives_as_one_update_per_event_with_the_usage_at_the_end()
    {
        _gemini.Given(Request.Create().WithPath("/v1beta/models/" + Model + ":streamGenerateContent").WithParam("alt", "sse").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream").WithBody(
                $"data: {Chunk("Fresh ", null)}\r\n\r\ndata: {Chunk("beans", null)}\r\n\r\ndata: {Chunk("!", "STOP")}\r\n\r\n"));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Client().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Hello")], new ChatOptions { Instructions = "Be brief." }))
        {
            updates.Add(update);
        }

        Assert.Equal(["Fresh ", "beans", "!"], updates.Select(u => u.Text));
        Assert.Equal(7, updates[^1].Contents.OfType<UsageContent>().Single().Details.OutputTokenCount);
        var body = JsonNode.Parse(Assert.Single(_gemini.LogEntries).RequestMessage.Body!)!;
        Assert.Equal("Be brief.", body["systemInstruction"]!["parts"]![0]!["text"]!.GetValue<string>());
    }

    private GeminiChatClient Client() => new(_http, new GeminiSettings(new Uri(_gemini.Url! + "/"), Key, Model, MaxRetries: 2, TimeSpan.FromSeconds(30)),
        TimeProvider.System, NullLogger<GeminiChatClient>.Instance);

    private static string Answer(string text) => Chunk(text, "STOP");

    private static string Chunk(string text, string? finish)
    {
        var candidate = new JsonObject { ["content"] = new JsonObject { ["role"] = "model", ["parts"] = new JsonArray(new JsonObject { ["text"] = text }) } };
        var chunk = new JsonObject { ["candidates"] = new JsonArray(candidate), ["modelVersion"] = Model };
        if (finish is not null)
        {
            candidate["finishReason"] = finish;
            chunk["usageMetadata"] = new JsonObject { ["promptTokenCount"] = 11, ["candidatesTokenCount"] = 7, ["totalTokenCount"] = 18 };
        }

        return chunk.ToJsonString();
    }
}
