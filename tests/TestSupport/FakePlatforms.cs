using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace BrandAutomator.TestSupport;

/// <summary>What a fake network says to one request.</summary>
public sealed record FakeAnswer(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeAnswer RateLimited(TimeSpan retryAfter) =>
        new(429, """{"message":"Too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>X's way: 429 with the epoch second when the window resets.</summary>
    public static FakeAnswer XRateLimited(DateTimeOffset reset) =>
        new(429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""",
            new Dictionary<string, string> { ["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ["x-rate-limit-remaining"] = "0" });

    /// <summary>AT Protocol's way (Bluesky): 429 RateLimitExceeded with the epoch second the window resets in <c>ratelimit-reset</c>.</summary>
    public static FakeAnswer BlueskyRateLimited(DateTimeOffset reset) =>
        new(429, """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""", new Dictionary<string, string>
        {
            ["ratelimit-limit"] = "5000",
            ["ratelimit-remaining"] = "0",
            ["ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ratelimit-policy"] = "5000;w=3600",
        });

    /// <summary>AT Protocol's expired access token: a 400, not a 401, told apart by its error name.</summary>
    public static FakeAnswer BlueskyExpiredToken() => new(400, """{"error":"ExpiredToken","message":"Token has expired"}""");

    public static FakeAnswer Unavailable() => new(503, """{"message":"Service Unavailable"}""");

    public static FakeAnswer BadRequest(string message) => new(400, JsonSerializer.Serialize(new { message, status = 400 }));

    public static FakeAnswer Unauthorized() => new(401, """{"message":"Invalid access token","status":401}""");

    public static FakeAnswer Slow(TimeSpan delay) => new(0, Delay: delay);
}

/// <summary>One request a fake network received.</summary>
public sealed record FakeRequest(
    string Kind, string? Marker, string Path, string Body, string? AccessToken, DateTimeOffset At, int Status, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Local fakes of the networks (and an OAuth token endpoint) on one WireMock server, speaking their wire formats:
/// LinkedIn <c>POST /rest/posts</c> (id in <c>x-restli-id</c>), X <c>POST /2/tweets</c> (<c>data.id</c>), Facebook
/// <c>POST /{page}/feed</c>, Instagram <c>POST /{ig}/media</c> then <c>/{ig}/media_publish</c>, Google Business Profile
/// <c>POST /v4/accounts/{a}/locations/{l}/localPosts</c>, first comments (Graph API <c>POST /{object-id}/comments</c>, LinkedIn
/// <c>POST /rest/socialActions/{urn}/comments</c>; X replies are <c>/2/tweets</c> with <c>reply.in_reply_to_tweet_id</c>), Bluesky (<see cref="FakeBluesky"/>), Threads, Pinterest
/// (<see cref="FakePinterest"/>), YouTube (<see cref="FakeYouTube"/>), TikTok (<see cref="FakeTikTok"/>). Every request is recorded with the marker found in it
/// (<c>mk-</c> and 12 hex digits, put in the post text by the test), so tests count what each post caused. Answers are
/// successes unless a script for a (kind, marker) says otherwise.
/// </summary>
public sealed partial class FakePlatforms : IDisposable
{
    public const string TokenPath = "/oauth/token";

    private static readonly string[] PublishKinds = ["linkedin", "x", "facebook", "instagram-publish", "google", "bluesky", "threads", "pinterest", "youtube", "tiktok", "graph-comment", "linkedin-comment"];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private long _ids = 1000;

    public FakePlatforms(int port = 0)
    {
        // Requests are kept here (see Requests), not in WireMock's own log: at a bench's peak that log costs CPU and memory.
        Server = WireMockServer.Start(new WireMock.Settings.WireMockServerSettings { Port = port == 0 ? null : port, MaxRequestLogCount = 0 });
        // Lowest priority (highest number): more specific mappings, such as /__stats, come first.
        Server.Given(Request.Create().UsingAnyMethod().WithPath(new WildcardMatcher("/*"))).AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url!;

    /// <summary>Called as each request arrives, before its answer goes back (a test stops a run at a chosen step).</summary>
    public Action<FakeRequest>? Arrived { get; set; }

    /// <summary>A delay before every answer: keeps requests in flight (to kill a node while it publishes).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Latency, refusals and lost answers drawn for every request to a network (see <see cref="FakeChaos"/>).</summary>
    public FakeChaos? Chaos { get; set; }

    public static string NewMarker() => $"mk-{Guid.NewGuid():N}"[..15];

    /// <summary>The settings that point every network of an API host at these fakes.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("Publishing:Bluesky:BaseUrl", BaseUrl);
        yield return new("Publishing:Pinterest:AccountUrl", BaseUrl + "/v5/user_account");
        yield return new("Publishing:YouTube:AccountUrl", BaseUrl + "/youtube/v3/channels?part=snippet&mine=true");
        yield return new("Publishing:TikTok:AccountUrl", BaseUrl + "/v2/user/info/?fields=open_id,display_name");
        foreach (var platform in new[] { "LinkedIn", "X", "Facebook", "Instagram", "GoogleBusiness", "Threads", "Pinterest", "YouTube", "TikTok" })
        {
            yield return new($"Publishing:{platform}:BaseUrl", BaseUrl);
            yield return new($"Publishing:{platform}:TokenUrl", BaseUrl + TokenPath);
            yield return new($"Publishing:{platform}:ClientId", "client-" + platform);
            yield return new($"Publishing:{platform}:ClientSecret", "secret-" + platform);
        }
    }

    /// <summary>The next answers to requests of <paramref name="kind"/> carrying <paramref name="marker"/>; then successes.</summary>
    public void Script(string kind, string marker, params FakeAnswer[] answers)
    {
        var queue = _scripts.GetOrAdd($"{kind}|{marker}", _ => new ConcurrentQueue<FakeAnswer>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    /// <summary>Requests that publish (not Instagram containers, not token refreshes) carrying the marker.</summary>
    public IReadOnlyList<FakeRequest> PublishRequests(string marker) =>
        _requests.Where(r => r.Marker == marker && PublishKinds.Contains(r.Kind)).ToList();

    public IReadOnlyList<FakeRequest> AllPublishRequests() => _requests.Where(r => PublishKinds.Contains(r.Kind)).ToList();

    /// <summary>
    /// <c>GET /__stats</c>: what the fakes received, for a process that cannot read this object (bench/publish): publish
    /// requests, distinct posts among them, duplicates, and the first and last arrival.
    /// </summary>
    public void ServeStats()
    {
        Server.Given(Request.Create().UsingGet().WithPath("/__stats")).AtPriority(1).RespondWith(Response.Create().WithCallback(_ =>
        {
            var publishes = AllPublishRequests().Where(r => r.Marker is not null).ToList();
            // A post is published by each request the network accepted; refused ones (a 503 then a retry) are not duplicates.
            var accepted = publishes.Where(r => r.Status < 400).ToList();
            var distinct = accepted.Select(r => r.Marker).Distinct(StringComparer.Ordinal).Count();
            return Build(200, JsonSerializer.Serialize(new
            {
                publishRequests = publishes.Count,
                distinctPosts = distinct,
                duplicates = accepted.Count - distinct,
                failures = publishes.Count(r => r.Status >= 400),
                first = publishes.Count == 0 ? (DateTimeOffset?)null : publishes.Min(r => r.At),
                last = publishes.Count == 0 ? (DateTimeOffset?)null : publishes.Max(r => r.At),
            }));
        }));
        // Every accepted publish request: marker, arrival and status (bench/publish --peak computes lateness from them).
        Server.Given(Request.Create().UsingGet().WithPath("/__publishes")).AtPriority(1).RespondWith(Response.Create().WithCallback(_ =>
            Build(200, JsonSerializer.Serialize(AllPublishRequests().Where(r => r.Marker is not null)
                .Select(r => new { m = r.Marker, at = r.At, s = r.Status })))));
    }

    public void Dispose() => Server.Stop();

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var arrived = DateTimeOffset.UtcNow;
        var path = request.AbsolutePath;
        // A form with a file (Pinterest's upload) comes as bytes: its fields are read as text.
        var body = request.Body ?? (request.BodyAsBytes is { } raw && Multipart(request) ? System.Text.Encoding.UTF8.GetString(raw) : "");
        var decoded = WebUtility.UrlDecode(body);
        var kind = FakeYouTube.Kind(request) ?? FakeTikTok.Kind(request) ?? FakeLinkedInMedia.Kind(request) ?? FakeXMedia.Kind(request) ?? Kind(request.Method, path);
        var token = AccessToken(request, decoded);
        // In the body, or for uploads of bytes (YouTube, TikTok) in the session address the start gave, or for media
        // uploads (LinkedIn, X), which carry no text, in the access token of a connection made for the test.
        var marker = MarkerPattern().Match(decoded) is { Success: true } m ? m.Value
            : MarkerPattern().Match(request.Url) is { Success: true } inUrl ? inUrl.Value
            : token is not null && MarkerPattern().Match(token) is { Success: true } inToken ? inToken.Value
            : null;
        var answer = marker is not null && _scripts.TryGetValue($"{kind}|{marker}", out var queue) && queue.TryDequeue(out var scripted)
            ? scripted
            : null;
        if (answer is null && Chaos is not null && kind is not ("token" or "unknown"))
        {
            // A lost answer is a success held past the client's time-out: the network acted, the client never hears it.
            var (refuse, latency) = Chaos.Draw();
            answer = refuse ? FakeAnswer.Unavailable() with { Delay = latency } : new FakeAnswer(0, Delay: latency);
        }

        // The answer is decided on arrival (what a network does with a request does not wait for its answer to be sent).
        var response = answer is { Status: > 0 } ? Build(answer.Status, answer.Body, answer.Headers)
            : kind.StartsWith("bluesky", StringComparison.Ordinal) ? FakeBluesky.Answer(kind, request, Interlocked.Increment(ref _ids))
            : kind.StartsWith("pinterest", StringComparison.Ordinal) ? FakePinterest.Answer(kind, request, Interlocked.Increment(ref _ids))
            : kind.StartsWith("youtube", StringComparison.Ordinal) ? FakeYouTube.Answer(kind, request, Interlocked.Increment(ref _ids), marker)
            : kind.StartsWith("tiktok", StringComparison.Ordinal) ? FakeTikTok.Answer(kind, request, Interlocked.Increment(ref _ids), marker)
            : FakeLinkedInMedia.Owns(kind) ? FakeLinkedInMedia.Answer(kind, request, Interlocked.Increment(ref _ids), new Uri(request.Url).GetLeftPart(UriPartial.Authority))
            : FakeXMedia.Owns(kind) ? FakeXMedia.Answer(kind, request, Interlocked.Increment(ref _ids))
            : kind == "linkedin" && FakeLinkedInMedia.RefusePost(decoded) is { } linkedInRefusal ? linkedInRefusal
            : kind == "x" && FakeXMedia.RefusePost(body) is { } xRefusal ? xRefusal
            : Success(kind, marker, decoded);
        var headers = (request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        // Recorded on arrival, at its arrival time ("sent at its time" is about arrival), even if its answer is held back.
        var received = new FakeRequest(kind, marker, path, decoded, token, arrived, (int)response.StatusCode!, headers);
        _requests.Enqueue(received);
        Arrived?.Invoke(received);
        var delay = (answer?.Delay ?? TimeSpan.Zero) + Delay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        return response;
    }

    private ResponseMessage Success(string kind, string? marker, string body)
    {
        var id = Interlocked.Increment(ref _ids);
        return kind switch
        {
            "linkedin" => Build(201, "", new Dictionary<string, string> { ["x-restli-id"] = $"urn:li:share:{id}" }),
            "x" => Build(201, JsonSerializer.Serialize(new { data = new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture), text = "posted" } })),
            "facebook" => Build(200, JsonSerializer.Serialize(new { id = $"page_{id}" })),
            "instagram-media" => Build(200, JsonSerializer.Serialize(new { id = $"c-{marker}-{id}" })),
            // Instagram reads status_code, Threads status.
            "instagram-status" => Build(200, """{"status_code":"FINISHED","status":"FINISHED"}"""),
            "threads-container" => Build(200, JsonSerializer.Serialize(new { id = $"tc-{marker}-{id}" })),
            "threads" => Build(200, JsonSerializer.Serialize(new { id = $"th{id}" })),
            "instagram-publish" => Build(200, JsonSerializer.Serialize(new { id = $"ig{id}" })),
            // Graph API comments (a Page post's or an IG Media's): the new comment's id.
            "graph-comment" => Build(200, JsonSerializer.Serialize(new { id = $"cm{id}" })),
            // LinkedIn's Comments API answers 201 with the comment, its URN in $URN.
            "linkedin-comment" => Build(201, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["$URN"] = $"urn:li:comment:(urn:li:activity:{id},{id})",
                ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["message"] = new { text = "posted" },
            }), new Dictionary<string, string> { ["x-restli-id"] = $"urn:li:comment:(urn:li:activity:{id},{id})" }),
            "google" => Build(200, JsonSerializer.Serialize(new { name = $"accounts/1/locations/2/localPosts/{id}", state = "LIVE" })),
            "token" => Build(200, JsonSerializer.Serialize(new { access_token = $"at-refreshed-{id}", expires_in = 3600, token_type = "Bearer" })),
            _ => Build(404, """{"message":"No such fake endpoint"}"""),
        };
    }

    private static string Kind(string method, string path) => FakePinterest.Kind(method, path) ?? path switch
    {
        _ when path.StartsWith("/xrpc/", StringComparison.Ordinal) => FakeBluesky.Kind(path),
        "/rest/posts" => "linkedin",
        "/2/tweets" => "x",
        _ when path.StartsWith("/rest/socialActions/", StringComparison.Ordinal) && path.EndsWith("/comments", StringComparison.Ordinal) => "linkedin-comment",
        _ when method == "POST" && path.EndsWith("/comments", StringComparison.Ordinal) => "graph-comment",
        TokenPath or "/refresh_access_token" => "token",
        _ when path.EndsWith("/feed", StringComparison.Ordinal) => "facebook",
        _ when path.EndsWith("/media_publish", StringComparison.Ordinal) => "instagram-publish",
        _ when path.EndsWith("/threads_publish", StringComparison.Ordinal) => "threads",
        _ when method == "POST" && path.EndsWith("/threads", StringComparison.Ordinal) => "threads-container",
        _ when path.EndsWith("/media", StringComparison.Ordinal) => "instagram-media",
        _ when path.EndsWith("/localPosts", StringComparison.Ordinal) => "google",
        _ when method == "GET" => "instagram-status",
        _ => "unknown",
    };

    private static bool Multipart(IRequestMessage request) =>
        request.Headers is { } headers && headers.TryGetValue("Content-Type", out var types) &&
        types.FirstOrDefault()?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    private static string? AccessToken(IRequestMessage request, string body)
    {
        if (request.Headers is { } headers && headers.TryGetValue("Authorization", out var values) && values.FirstOrDefault() is { } auth)
        {
            return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : auth;
        }

        return AccessTokenField().Match(body) is { Success: true } m ? m.Groups[1].Value : null;
    }

    internal static ResponseMessage Build(int status, string? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = new ResponseMessage { StatusCode = status };
        response.AddHeader("Content-Type", "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        response.BodyData = new BodyData { BodyAsString = body ?? "", DetectedBodyType = BodyType.String };
        return response;
    }

    [GeneratedRegex("mk-[0-9a-f]{12}")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("access_token=([^&]+)")]
    private static partial Regex AccessTokenField();
}
