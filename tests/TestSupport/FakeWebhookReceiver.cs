using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.TestSupport;

/// <summary>How the fake receiver answers one request.</summary>
public enum ReceiverAnswer
{
    Ok,
    ServerError,

    /// <summary>Never answers: the sender's timeout ends the request.</summary>
    Hang,
}

/// <summary>One request the receiver got, with whether its Standard Webhooks signature was right for the secret it knew.</summary>
public sealed record ReceivedWebhook(string Id, long Timestamp, string Signature, string Body, bool SignatureValid, ReceiverAnswer Answer)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string Type => Json["type"]!.GetValue<string>();
}

/// <summary>
/// A webhook receiver on a real HTTP listener (Kestrel on 127.0.0.1, a free port), as a customer's would be: it checks
/// each request's signature the way the Standard Webhooks libraries do (HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>
/// keyed by the base64 after <c>whsec_</c>), and answers from a script (500, no answer, 200), then 200.
/// </summary>
public sealed class FakeWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceiverAnswer> _script = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication _app = null!;

    public Uri Url { get; private set; } = null!;

    public int Port => Url.Port;

    /// <summary>The endpoint's secret (<c>whsec_...</c>), set once the API has shown it.</summary>
    public string? Secret { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<FakeWebhookReceiver> StartAsync(string path = "/hooks")
    {
        var receiver = new FakeWebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        receiver._app = builder.Build();
        receiver._app.MapPost(path, receiver.HandleAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), path);
        return receiver;
    }

    /// <summary>Queues how the next requests are answered; once the script is used up, every request gets 200.</summary>
    public void Script(params ReceiverAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <summary>Forgets the answers not yet given: every request from now on gets 200.</summary>
    public void ClearScript() => _script.Clear();

    public static bool Verify(string secret, string id, string timestamp, string body, string header)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var id = context.Request.Headers["webhook-id"].ToString();
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        var signature = context.Request.Headers["webhook-signature"].ToString();
        var valid = Secret is not null && Verify(Secret, id, timestamp, body, signature);
        var answer = _script.TryDequeue(out var next) ? next : ReceiverAnswer.Ok;
        _received.Enqueue(new ReceivedWebhook(id, long.TryParse(timestamp, out var t) ? t : 0, signature, body, valid, answer));
        switch (answer)
        {
            case ReceiverAnswer.Hang:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return;
            case ReceiverAnswer.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("receiver is down", context.RequestAborted);
                return;
            default:
                context.Response.StatusCode = valid ? 204 : 401;
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
