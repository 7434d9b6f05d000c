using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.WebApi.Tests.Ai;

/// <summary>
/// A local Gemini speaking its wire format over real HTTP (Kestrel on a loopback port). <c>streamGenerateContent?alt=sse</c>
/// writes <see cref="StreamChunks"/> one event at a time, flushing each; before the last one it waits for <see cref="Gate"/>
/// when one is set, so that a test can check what the client saw while the stream is still open.
/// </summary>
public sealed class FakeGemini : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGemini(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<(string Path, string ApiKey, JsonObject Body)> Requests { get; } = new();

    public IReadOnlyList<string> StreamChunks { get; set; } = ["Hello"];

    /// <summary>The text generateContent answers with (JSON for structured requests).</summary>
    public string GenerateText { get; set; } = "{}";

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, generateContent answers with the text this returns for the request's body (JSON for structured requests).</summary>
    public Func<JsonObject, string>? Answer { get; set; }

    /// <summary>How long every answer waits before it is written: a slow provider.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every request is answered with this status and Gemini error body.</summary>
    public (int Status, string Body)? Failure { get; set; }

    public TaskCompletionSource LastChunkSent { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeGemini> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGemini(app);
        app.MapPost("/v1beta/models/{**call}", fake.HandleAsync);
        await app.StartAsync();
        fake.Url = app.Urls.First();
        return fake;
    }

    public void Reset()
    {
        Requests.Clear();
        LastChunkSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Gate = null;
        Failure = null;
        Answer = null;
        Delay = TimeSpan.Zero;
    }

    private async Task HandleAsync(HttpContext context, string call)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers["x-goog-api-key"].ToString(), body));
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (Failure is { } failure)
        {
            context.Response.StatusCode = failure.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(failure.Body);
            return;
        }

        if (call.EndsWith(":streamGenerateContent", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/event-stream";
            for (var i = 0; i < StreamChunks.Count; i++)
            {
                var last = i == StreamChunks.Count - 1;
                if (last && Gate is { } gate)
                {
                    await gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }

                await context.Response.WriteAsync($"data: {Response(StreamChunks[i], last)}\r\n\r\n");
                await context.Response.Body.FlushAsync();
            }

            LastChunkSent.TrySetResult();
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Response(Answer is { } answer ? answer(body) : GenerateText, final: true));
    }

    private static string Response(string text, bool final)
    {
        var response = new JsonObject
        {
            ["candidates"] = new JsonArray(new JsonObject
            {
                ["content"] = new JsonObject { ["role"] = "model", ["parts"] = new JsonArray(new JsonObject { ["text"] = text }) },
                ["index"] = 0,
            }),
            ["modelVersion"] = "gemini-test",
        };
        if (final)
        {
            response["candidates"]![0]!["finishReason"] = "STOP";
            response["usageMetadata"] = new JsonObject { ["promptTokenCount"] = 120, ["candidatesTokenCount"] = 30, ["totalTokenCount"] = 150 };
        }

        return response.ToJsonString(JsonSerializerOptions.Web);
    }

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        await _app.DisposeAsync();
    }
}
