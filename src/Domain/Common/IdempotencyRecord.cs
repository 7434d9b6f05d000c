namespace BrandAutomator.Domain.Common;

/// <summary>
/// A request with an <c>Idempotency-Key</c>, recorded in the same transaction as its effect: a repeat of the same
/// request gets the first answer again, and the effect happens once.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    private IdempotencyRecord()
    {
    }

    public string Key { get; private set; } = "";

    public string Operation { get; private set; } = "";

    /// <summary>SHA-256 of the request: the same key with a different request is refused rather than answered wrongly.</summary>
    public string RequestHash { get; private set; } = "";

    public string ResponseJson { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyRecord Create(string key, string operation, string requestHash, string responseJson, DateTimeOffset now) =>
        new() { Key = key, Operation = operation, RequestHash = requestHash, ResponseJson = responseJson, CreatedAt = now };
}
