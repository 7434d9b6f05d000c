using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using BrandAutomator.Application.Feeds;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Feeds;

/// <summary>
/// Reads feeds over HTTP(S): conditional requests (If-None-Match, If-Modified-Since), up to five redirects, a time and
/// size limit, and (unless private addresses are allowed) a check of every address actually connected to, so neither a
/// redirect nor a DNS answer that changes after the feed was added can reach the servers' own network.
/// </summary>
public sealed class HttpFeedFetcher(HttpClient http) : IFeedFetcher
{
    public const string ClientName = "feeds";

    public async Task<FeedFetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FeedFetchResult(FeedFetchStatus.NotModified, [], null, null, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return FeedFetchResult.Failure(response.StatusCode switch
                {
                    HttpStatusCode.NotFound or HttpStatusCode.Gone => "The feed's address answers that there is nothing there (any more).",
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "The feed's site refuses to let it be read.",
                    HttpStatusCode.TooManyRequests => "The feed's site asks to be read less often.",
                    _ when (int)response.StatusCode >= 500 => "The feed's site has a problem of its own right now.",
                    _ => $"The feed's site answered with an error (HTTP {(int)response.StatusCode}).",
                });
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var limit = http.MaxResponseContentBufferSize;
            await using var bounded = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (bounded.Length + read > limit)
                {
                    return FeedFetchResult.Failure($"The feed is larger than {limit / (1024 * 1024)} MB, more than a feed should be.");
                }

                bounded.Write(buffer, 0, read);
            }

            bounded.Position = 0;
            var address = response.RequestMessage?.RequestUri ?? url;
            var (items, error) = FeedDocument.Read(bounded, address);
            return items is null
                ? FeedFetchResult.Failure(error!)
                : new FeedFetchResult(FeedFetchStatus.Fetched, items, response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("R"), null);
        }
        catch (HttpRequestException e) when (e.InnerException is FeedAddressRefusedException refused)
        {
            return FeedFetchResult.Failure(refused.Message);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return FeedFetchResult.Failure("The feed's site name does not exist (any more).");
        }
        catch (HttpRequestException)
        {
            return FeedFetchResult.Failure("The feed's site could not be reached.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FeedFetchResult.Failure("The feed's site took too long to answer.");
        }
    }

    /// <summary>The handler: redirects, and the address check on every connection when private addresses are refused.</summary>
    public static SocketsHttpHandler Handler(IOptions<FeedOptions> options)
    {
        var allowPrivate = options.Value.AllowPrivateAddresses == true;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        if (!allowPrivate)
        {
            handler.ConnectCallback = ConnectPubliclyAsync;
        }

        return handler;
    }

    private static async ValueTask<Stream> ConnectPubliclyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(PublicAddresses.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new FeedAddressRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static void Configure(HttpClient client, IOptions<FeedOptions> options)
    {
        client.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        client.MaxResponseContentBufferSize = options.Value.MaxBytes;
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("BrandAutomator-FeedReader", "1.0"));
    }
}

/// <summary>A feed address that leads to a private, loopback or link-local address, refused in Production.</summary>
public sealed class FeedAddressRefusedException()
    : Exception("The feed's address leads to a private or local network address, which is not allowed.");

/// <summary>Checks a feed address when it is added: in Production its name must lead to public addresses only.</summary>
public sealed class FeedAddressPolicy(IOptions<FeedOptions> options) : IFeedAddressPolicy
{
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (options.Value.AllowPrivateAddresses == true)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.DnsSafeHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "That site name does not exist: check the address.";
        }

        return addresses.Length == 0 || !addresses.All(PublicAddresses.IsPublic)
            ? "That address leads to a private or local network, which feeds may not use."
            : null;
    }
}
