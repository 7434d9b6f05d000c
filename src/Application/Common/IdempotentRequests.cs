using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Common;

/// <summary>
/// <c>Idempotency-Key</c> for commands with outside effects: the key, a hash of the request and the answer are saved in
/// the same transaction as the effect, so a repeat gets the first answer and the effect happens once. The same key with
/// another request is refused (422); two requests racing with one key collide on the key's primary key (409).
/// </summary>
public sealed class IdempotentRequests(ITenantDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The first answer to this request, or null when the key is new (or none was given).</summary>
    public async Task<T?> ReplayAsync<T>(string? key, string operation, object request, CancellationToken cancellationToken)
        where T : class
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.Operation != operation || record.RequestHash != Hash(operation, request))
        {
            throw new DomainRuleException("This Idempotency-Key was already used for a different request; use a new key for a new request.");
        }

        return JsonSerializer.Deserialize<T>(record.ResponseJson, Json);
    }

    /// <summary>Adds the record to the unit of work that carries the effect; it commits with it.</summary>
    public void Record<T>(string? key, string operation, object request, T response)
    {
        if (!string.IsNullOrEmpty(key))
        {
            db.IdempotencyRecords.Add(IdempotencyRecord.Create(key, operation, Hash(operation, request),
                JsonSerializer.Serialize(response, Json), clock.GetUtcNow()));
        }
    }

    /// <summary>Saves the effect with its record; a concurrent request with the same key loses with 409.</summary>
    public async Task SaveAsync(string? key, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The post changed while this request ran (it may have started publishing); reload it and try again.");
        }
        catch (DbUpdateException) when (!string.IsNullOrEmpty(key))
        {
            throw new ConflictException("A request with this Idempotency-Key is already being processed; repeat it shortly to get its answer.");
        }
    }

    private static string Hash(string operation, object request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(request, request.GetType(), Json))));
}
