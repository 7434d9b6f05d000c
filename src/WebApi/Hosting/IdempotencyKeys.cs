using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Common;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// Endpoint metadata: a POST that creates something, made safe to repeat with an <c>Idempotency-Key</c>.
/// <see cref="MaxBodyBytes"/> is the endpoint's own request size limit when it raises the server's (uploads): the body
/// is read here before the endpoint runs, so the limit must apply from here.
/// </summary>
public sealed record IdempotentCreation(Func<IServiceProvider, long>? MaxBodyBytes = null);

/// <summary>
/// <c>Idempotency-Key</c> on POSTs that create (<see cref="IdempotentCreation"/>): the first successful answer (status,
/// body, location) is kept in the tenant's schema for <see cref="KeptFor"/>; the same key with the same request gets that
/// answer again (header <c>Idempotent-Replayed: true</c>) and nothing is created twice; the same key with another request
/// is a 422. Concurrent requests with one key queue on a lock per key, so the second gets the first one's answer.
/// Failed answers are not kept: a corrected retry with the same key runs.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services) => services.AddScoped<IdempotencyLedger>();

    /// <summary>Marks a create endpoint as honouring <c>Idempotency-Key</c> (and documents the header and its problems).</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder, Func<IServiceProvider, long>? maxBodyBytes = null) =>
        builder.WithMetadata(new IdempotentCreation(maxBodyBytes))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>After authentication and authorisation: only a caller allowed to create gets (or starts) an answer.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) ||
            context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IdempotentCreation>() is not { } creation ||
            context.Request.Headers[Header] is not { Count: > 0 } values)
        {
            await next(context);
            return;
        }

        var tenant = context.RequestServices.GetRequiredService<ITenantContext>();
        if (!tenant.IsSet || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var key = values.Count == 1 ? values[0] ?? "" : "";
        if (key.Length is 0 or > IdempotencyRecord.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                [Header] = [$"Send one key of 1 to {IdempotencyRecord.MaxKeyLength} visible ASCII characters (a UUID is a good choice)."],
            });
        }

        if (creation.MaxBodyBytes is { } limit && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit(context.RequestServices);
        }

        await HandleAsync(context, next, endpoint, key);
    });

    private static async Task HandleAsync(HttpContext context, RequestDelegate next, Endpoint endpoint, string key)
    {
        var aborted = context.RequestAborted;
        var operation = "http:" + (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? context.Request.Path.Value);
        var requestHash = await RequestHashAsync(context.Request, aborted);
        var ledger = context.RequestServices.GetRequiredService<IdempotencyLedger>();
        await using var lease = await ledger.AcquireAsync(key, aborted)
            ?? throw new ConflictException($"A request with this {Header} is still being processed; repeat it shortly to get its answer.");

        if (await lease.FindAsync(KeptFor, aborted) is { } first)
        {
            if (first.Operation != operation || first.RequestHash != requestHash)
            {
                throw new DomainRuleException(
                    $"This {Header} was already used for a different request in the last 24 hours; use a new key for a new request.");
            }

            await ReplayAsync(context, JsonSerializer.Deserialize<KeptAnswer>(first.ResponseJson, Json)!);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode is >= 200 and < 300)
        {
            var answer = new KeptAnswer(context.Response.StatusCode, context.Response.ContentType,
                context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            // Kept even if the client has gone: its retry must find this answer, not create again.
            await lease.RecordAsync(operation, requestHash, JsonSerializer.Serialize(answer, Json), CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, aborted);
    }

    private static async Task ReplayAsync(HttpContext context, KeptAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (answer.Location is not null)
        {
            context.Response.Headers.Location = answer.Location;
        }

        if (answer.ContentType is not null)
        {
            context.Response.ContentType = answer.ContentType;
        }

        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>
    /// SHA-256 of the operation's input: the JSON body's bytes, or for a multipart upload each part's headers and bytes
    /// (not the boundary, which every client picks afresh). Read from a buffered body, which the endpoint then reads again.
    /// </summary>
    private static async Task<string> RequestHashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var prefix = Encoding.UTF8.GetBytes(request.Path.Value + "?" + request.QueryString.Value + "\n");
        string hash;
        try
        {
            hash = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
                   type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) &&
                   HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary
                ? await MultipartHashAsync(prefix, boundary, request.Body, cancellationToken)
                : await RawHashAsync(prefix, request.Body, cancellationToken);
        }
        catch (Exception malformed) when (malformed is IOException or InvalidDataException)
        {
            // Not well-formed multipart: the bytes as they are (the endpoint refuses the body itself, with a 400).
            request.Body.Position = 0;
            hash = await RawHashAsync(prefix, request.Body, cancellationToken);
        }

        request.Body.Position = 0;
        return hash;
    }

    private static async Task<string> RawHashAsync(byte[] prefix, Stream body, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        await AppendAsync(hash, body, cancellationToken);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<string> MultipartHashAsync(byte[] prefix, string boundary, Stream body, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        var reader = new MultipartReader(boundary, body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            foreach (var header in (section.Headers ?? []).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{header.Key.ToLowerInvariant()}:{header.Value}\n"));
            }

            await AppendAsync(hash, section.Body, cancellationToken);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task AppendAsync(IncrementalHash hash, Stream body, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }
    }

    private sealed record KeptAnswer(int Status, string? ContentType, string? Location, string Body);
}
