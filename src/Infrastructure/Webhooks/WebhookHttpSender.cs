using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using BrandAutomator.Application.Webhooks;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Webhooks;

/// <summary>
/// Posts events with the Standard Webhooks headers (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>)
/// within the configured timeout. Redirects are not followed and no proxy is used, and every connection checks the
/// address it is about to open (<see cref="ConnectAsync"/>), so a name that resolves to a private address is refused
/// however it got there.
/// </summary>
public sealed class WebhookHttpSender(HttpClient http, IOptions<WebhookOptions> options, TimeProvider clock) : IWebhookSender
{
    public const string ClientName = "webhooks";

    public async Task<WebhookSendResult> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        var timeout = options.Value.Timeout;
        var timestamp = message.Timestamp.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", message.MessageId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(message.Secret, message.MessageId, timestamp, message.Body));
        request.Headers.UserAgent.ParseAdd("BrandAutomator-Webhooks/1.0");

        var started = clock.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            var elapsed = clock.GetElapsedTime(started);
            return response.IsSuccessStatusCode
                ? new WebhookSendResult(status, true, null, elapsed)
                : new WebhookSendResult(status, false, $"The receiver answered {status} {Describe(response.StatusCode)}; only 2xx counts as received.", elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            return new WebhookSendResult(null, false, $"No answer within {seconds} second{(seconds == "1" ? "" : "s")}.", clock.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            return new WebhookSendResult(null, false, Explain(ex, message.Url), clock.GetElapsedTime(started));
        }
    }

    /// <summary>The connection step of the webhook client: resolves the host and connects only to addresses the rules allow.</summary>
    public static async ValueTask<Stream> ConnectAsync(WebhookNetworkRules rules, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? new[] { literal }
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(rules.Allows).ToList();
        if (allowed.Count == 0)
        {
            throw new WebhookAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connects to the checked addresses themselves, never to the name again (which could resolve elsewhere now).
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Explain(HttpRequestException ex, Uri url)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case WebhookAddressRefusedException refused:
                    return refused.Message;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return $"{url.Host} refused the connection: nothing is listening on port {url.Port}.";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData }:
                    return $"The host name {url.Host} could not be found.";
                case SocketException socket:
                    return $"Could not connect to {url.Host}: {socket.SocketErrorCode}.";
                case System.Security.Authentication.AuthenticationException:
                    return $"The TLS certificate of {url.Host} was not accepted (expired, self-signed or for another name).";
            }
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.ResponseEnded => "The receiver closed the connection without answering.",
            HttpRequestError.SecureConnectionError => $"A secure connection to {url.Host} could not be made.",
            HttpRequestError.InvalidResponse => "The receiver's answer was not valid HTTP.",
            _ => $"The request to {url.Host} failed before an answer came.",
        };
    }

    private static string Describe(HttpStatusCode status) =>
        System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
}
