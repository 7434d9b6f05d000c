using System.Text.Json.Nodes;
using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Ai;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace BrandAutomator.WebApi.Tests.Ai;

/// <summary>
/// What both model paths receive: the passages of the one hybrid retriever (fused, above the floor, numbered as it ranks
/// them), and what comes back is checked the same way: a citation marker with no passage behind it cites nothing.
/// </summary>
internal static class ProviderGrounding
{
    public const string Question = "How long do customers have to return unopened bags, and how long does delivery take?";

    public static Task<List<Guid>> UploadAsync(Account account) => account.UploadDocumentsAsync(
        ("returns-policy.txt", $"Customer care handbook.\n\nReturns. {AiApi.ReturnsFact} Opened bags are replaced when a roast is faulty."),
        ("shipping.md", "# Shipping\n\n## Delivery times\n\nOrders leave the roastery every weekday at 15:00; delivery within Norway takes two working days."),
        ("brand-book.md", "# Brand book\n\nOur voice is warm and precise. We talk about water temperature, grind size and origin."));

    /// <summary>The passages the retriever finds for the question, as the chat asks for them.</summary>
    public static async Task<IReadOnlyList<GroundingPassage>> ExpectedAsync(ApiFactory factory, Account account, Guid company)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(account.TenantId);
        return await scope.ServiceProvider.GetRequiredService<GroundingRetriever>()
            .FindAnswersAsync(Question, company, GroundingRetriever.DefaultPassages, CancellationToken.None);
    }

    /// <summary>The passages quoted in a user turn, as (number, document, text).</summary>
    public static List<(int Number, string Document, string Text)> Quoted(string userTurn)
    {
        var start = userTurn.IndexOf(Prompts.QuotedDataStart, StringComparison.Ordinal) + Prompts.QuotedDataStart.Length;
        var end = userTurn.IndexOf(Prompts.QuotedDataEnd, StringComparison.Ordinal);
        var data = JsonNode.Parse(userTurn[start..end])!;
        return [.. data["passages"]!.AsArray().Select(p => (p!["number"]!.GetValue<int>(), p["document"]!.GetValue<string>(), p["text"]!.GetValue<string>()))];
    }

    public static void AssertSamePassages(IReadOnlyList<GroundingPassage> expected, string userTurn)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(p => (p.Number, p.AssetName, p.Text)), Quoted(userTurn));
    }
}

public sealed class GeminiGroundingTests(GeminiApiFactory factory) : IClassFixture<GeminiApiFactory>
{
    [Fact]
    public async Task Gemini_receives_the_fused_passages_and_a_marker_without_a_passage_cites_nothing()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        var documents = await ProviderGrounding.UploadAsync(account);
        var expected = await ProviderGrounding.ExpectedAsync(factory, account, company);
        factory.Gemini.Reset();
        factory.Gemini.StreamChunks = ["Unopened bags: 45 days [1]", "; a made-up source [9]."];

        var events = await account.ChatAsync(new { companyId = company, message = ProviderGrounding.Question });

        Assert.Equal("done", events[^1].Name);
        var (_, _, body) = Assert.Single(factory.Gemini.Requests);
        ProviderGrounding.AssertSamePassages(expected, body["contents"]!.AsArray()[^1]!["parts"]![0]!["text"]!.GetValue<string>());
        var citation = Assert.Single(events, e => e.Name == "citation");
        Assert.Equal(expected[0].AssetId, citation.Data["assetId"]!.GetValue<Guid>());
        Assert.Contains(expected[0].AssetId, documents);
    }
}

public sealed class OpenAiCompatibleGroundingTests(OpenAiCompatibleApiFactory factory) : IClassFixture<OpenAiCompatibleApiFactory>
{
    [Fact]
    public async Task An_openai_compatible_provider_receives_the_fused_passages_and_a_marker_without_a_passage_cites_nothing()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        var documents = await ProviderGrounding.UploadAsync(account);
        var expected = await ProviderGrounding.ExpectedAsync(factory, account, company);
        factory.Provider.Reset();
        factory.Provider
            .Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream").WithBody(
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama-test\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Unopened bags: 45 days [1]\"},\"finish_reason\":null}]}\n\n" +
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama-test\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"; a made-up source [9].\"},\"finish_reason\":\"stop\"}]}\n\n" +
                "data: [DONE]\n\n"));

        var events = await account.ChatAsync(new { companyId = company, message = ProviderGrounding.Question });

        Assert.Equal("done", events[^1].Name);
        var body = JsonNode.Parse(Assert.Single(factory.Provider.LogEntries).RequestMessage.Body!)!;
        var content = body["messages"]!.AsArray()[^1]!["content"]!;
        ProviderGrounding.AssertSamePassages(expected, content is JsonArray parts
            ? string.Concat(parts.Select(p => p!["text"]?.GetValue<string>()))
            : content.GetValue<string>());
        var citation = Assert.Single(events, e => e.Name == "citation");
        Assert.Equal(expected[0].AssetId, citation.Data["assetId"]!.GetValue<Guid>());
        Assert.Contains(expected[0].AssetId, documents);
    }
}
