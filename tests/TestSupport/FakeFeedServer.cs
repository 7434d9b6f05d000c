using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace BrandAutomator.TestSupport;

/// <summary>
/// A local feed site on a real HTTP listener: <c>/news.rss</c> (RSS 2.0) and <c>/news.atom</c> (Atom) with the items
/// added so far, answering 304 to a matching If-None-Match or If-Modified-Since; <c>/broken.rss</c> (malformed XML);
/// <c>/moved.rss</c> (301 to <c>/news.atom</c>); <c>/down.rss</c> (503). It counts what it answered.
/// </summary>
public sealed class FakeFeedServer : IAsyncDisposable, IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly List<(string Id, string Title, string Link, string Summary, DateTimeOffset Published)> _items = [];
    private readonly ConcurrentDictionary<string, int> _answers = new();
    private DateTimeOffset _changed = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public FakeFeedServer()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>How many times each kind of answer was given, e.g. <c>"200 /news.rss"</c>, <c>"304 /news.rss"</c>.</summary>
    public int Answers(string key) => _answers.GetValueOrDefault(key);

    public void Add(string title, string summary = "A fresh jar of news.")
    {
        lock (_items)
        {
            var n = _items.Count + 1;
            _changed = _changed.AddHours(1);
            _items.Add(($"urn:fake:item-{n}-{Guid.NewGuid():N}", title, $"{Url}/items/{n}", summary, _changed));
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            try
            {
                Answer(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        string body;
        string etag;
        DateTimeOffset changed;
        lock (_items)
        {
            var snapshot = _items.ToList();
            etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', snapshot.Select(i => i.Id)))))[..16] + "\"";
            changed = _changed;
            body = path switch
            {
                "/news.rss" => Rss(snapshot),
                "/news.atom" => Atom(snapshot),
                _ => "",
            };
        }

        switch (path)
        {
            case "/moved.rss":
                Count("301 " + path);
                response.StatusCode = 301;
                response.RedirectLocation = "/news.atom";
                return;
            case "/down.rss":
                Count("503 " + path);
                response.StatusCode = 503;
                return;
            case "/broken.rss":
                Count("200 " + path);
                Write(response, "application/rss+xml", "<rss version=\"2.0\"><channel><title>Broken</title><item><title>Half an item</channel>");
                return;
            case "/news.rss" or "/news.atom":
                var since = context.Request.Headers["If-Modified-Since"];
                if (context.Request.Headers["If-None-Match"] == etag ||
                    (since is not null && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at >= changed))
                {
                    Count("304 " + path);
                    response.StatusCode = 304;
                    return;
                }

                Count("200 " + path);
                response.Headers["ETag"] = etag;
                response.Headers["Last-Modified"] = changed.ToString("R", CultureInfo.InvariantCulture);
                Write(response, path.EndsWith(".rss", StringComparison.Ordinal) ? "application/rss+xml" : "application/atom+xml", body);
                return;
            default:
                Count("404 " + path);
                response.StatusCode = 404;
                return;
        }
    }

    private void Count(string key) => _answers.AddOrUpdate(key, 1, (_, n) => n + 1);

    private static void Write(HttpListenerResponse response, string type, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = type + "; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    private static string Rss(IEnumerable<(string Id, string Title, string Link, string Summary, DateTimeOffset Published)> items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Pickle news</title><link>https://example.com/</link>"
        + string.Concat(items.Reverse().Select(i =>
            $"<item><guid isPermaLink=\"false\">{i.Id}</guid><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{i.Link}</link>"
            + $"<description>{WebUtility.HtmlEncode("<p>" + i.Summary + "</p>")}</description><pubDate>{i.Published.ToString("R", CultureInfo.InvariantCulture)}</pubDate></item>"))
        + "</channel></rss>";

    private static string Atom(IEnumerable<(string Id, string Title, string Link, string Summary, DateTimeOffset Published)> items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Pickle news</title><id>urn:fake:feed</id><updated>2026-01-01T00:00:00Z</updated>"
        + string.Concat(items.Reverse().Select(i =>
            $"<entry><id>{i.Id}</id><title>{WebUtility.HtmlEncode(i.Title)}</title><link rel=\"alternate\" href=\"{i.Link}\"/>"
            + $"<summary>{WebUtility.HtmlEncode(i.Summary)}</summary><updated>{i.Published:yyyy-MM-dd'T'HH:mm:ss'Z'}</updated></entry>"))
        + "</feed>";

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
