using System.Text;
using System.Text.Json;
using BrandAutomator.Application.Ai;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BrandAutomator.WebApi.Endpoints;

/// <summary>
/// Writes chat events as server-sent events (<c>event: name</c>, <c>data: json</c>), flushing each one as soon as it is
/// produced: a chunk from the provider reaches the client at once, with nothing buffered on the way (response buffering
/// is off, and <c>X-Accel-Buffering: no</c> asks proxies to do the same).
/// </summary>
public sealed class ServerSentEventStream(IAsyncEnumerable<ChatStreamEvent> events) : IResult
{
    public const string ContentType = "text/event-stream";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var cancellationToken = httpContext.RequestAborted;

        await response.StartAsync(cancellationToken);
        await foreach (var item in events.WithCancellation(cancellationToken))
        {
            var data = JsonSerializer.Serialize(item.Data, item.Data.GetType(), json);
            await response.WriteAsync($"event: {item.Name}\ndata: {data}\n\n", Encoding.UTF8, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}
