namespace BrandAutomator.Application.Webhooks;

/// <summary>One signed request to a receiver: the event's JSON, its stable id, and the endpoint's secret.</summary>
public sealed record WebhookMessage(Uri Url, string MessageId, DateTimeOffset Timestamp, string Body, string Secret);

/// <summary>
/// What came of one request: the receiver's status (null when none came: refused, timed out, address not allowed),
/// whether it counts as delivered (2xx), what went wrong in words, and how long it took.
/// </summary>
public sealed record WebhookSendResult(int? StatusCode, bool Delivered, string? Error, TimeSpan Duration);

/// <summary>Sends signed webhook requests (Standard Webhooks headers), refusing addresses the instance may not reach.</summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(WebhookMessage message, CancellationToken cancellationToken);
}

/// <summary>Whether an endpoint's address may be saved: in Production never one that is, or resolves to, a private address.</summary>
public interface IWebhookTargetPolicy
{
    /// <summary>Null when the address is allowed; otherwise why not, in words.</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>Keeps endpoint secrets encrypted at rest: the secret is needed in clear to sign, so it cannot be a hash.</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
