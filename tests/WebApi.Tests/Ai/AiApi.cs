using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Ai;

public sealed record SseEvent(string Name, JsonObject Data);

/// <summary>The AI endpoints as a client uses them: chat read as server-sent events, a brand with a profile, documents.</summary>
public static class AiApi
{
    public const string ReturnsFact = "Northwind refunds unopened bags of beans within 45 days of delivery, no questions asked.";

    public static Task<HttpResponseMessage> StartChatAsync(this Account account, object body, CancellationToken cancellationToken = default) =>
        account.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/ai/chat") { Content = JsonContent.Create(body) },
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public static async IAsyncEnumerable<SseEvent> EventsAsync(this HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            yield return new SseEvent(item.EventType, JsonNode.Parse(item.Data)!.AsObject());
        }
    }

    public static async Task<List<SseEvent>> ChatAsync(this Account account, object body)
    {
        using var response = await account.StartChatAsync(body);
        var events = new List<SseEvent>();
        await foreach (var e in response.EventsAsync())
        {
            events.Add(e);
        }

        return events;
    }

    public static string Answer(this IEnumerable<SseEvent> events) =>
        string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data["text"]!.GetValue<string>()));

    /// <summary>A brand with the wizard's first three steps filled in; returns its id.</summary>
    public static async Task<Guid> CreateBrandAsync(this Account account)
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/onboarding/company", new
        {
            basics = new { name = "Northwind Coffee", description = "Single-origin beans roasted to order and shipped within 48 hours", industry = "Specialty coffee", website = "https://northwind.example" },
            audience = new { targetAudience = "Remote workers who brew at home", coreProblem = "Supermarket coffee tastes flat and stale" },
            voice = new { brandVoice = "Warm, precise, a little nerdy about water temperature" },
        });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["companyId"]!.GetValue<Guid>();
    }

    /// <summary>Uploads text documents and waits until their passages are searchable; returns their ids in order.</summary>
    public static async Task<List<Guid>> UploadDocumentsAsync(this Account account, params (string Name, string Text)[] documents)
    {
        var ids = await (await account.UploadAsync(documents.Select(d => (d.Name, SampleFiles.Text(d.Text))).ToArray())).AssetIdsAsync();
        foreach (var id in ids)
        {
            Assert.Equal("ready", (await account.WaitProcessedAsync(id))["state"]!.GetValue<string>());
        }

        return ids;
    }

    /// <summary>Two documents: only the first states the returns policy.</summary>
    public static Task<List<Guid>> UploadCorpusAsync(this Account account) => account.UploadDocumentsAsync(
        ("returns-policy.txt", $"Customer care handbook.\n\nReturns. {ReturnsFact} Opened bags are replaced when a roast is faulty.\n\nShipping. Orders leave the roastery every weekday."),
        ("brand-book.md", "# Brand book\n\nOur voice is warm and precise. We talk about water temperature, grind size and origin.\n\nCustomers love our seasonal single-origin roasts and the brewing guides that come with every bag."));
}
