using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BrandAutomator.TestSupport;

/// <summary>The lifetime counts a fake network reports for one post.</summary>
public sealed record FakePostMetrics(long Impressions, long Reach, long Clicks, long Likes, long Comments, long Shares, long Saves)
{
    /// <summary>Counts that follow from the id, so every post has its own, repeatable numbers without a script.</summary>
    public static FakePostMetrics For(string id)
    {
        var seed = id.Aggregate(17L, (h, c) => ((h * 31) + c) % 100_000);
        return new FakePostMetrics(1000 + (seed % 900), 700 + (seed % 500), 10 + (seed % 40), 20 + (seed % 60), 3 + (seed % 9), 2 + (seed % 7), 1 + (seed % 5));
    }
}

/// <summary>
/// The five networks' read APIs on one local WireMock server, in their wire formats: LinkedIn
/// <c>/rest/organizationalEntityShareStatistics</c>, <c>/rest/memberCreatorPostAnalytics?q=entity</c> (one metric type
/// a request), <c>/rest/socialActions/{urn}</c>, <c>/rest/networkSizes/{urn}</c>;
/// X <c>/2/tweets/{id}?tweet.fields=public_metrics</c> and <c>/2/users/{id}</c>; the Graph API's
/// <c>/{id}/insights?metric=...</c> (Facebook's or Instagram's metric names) and <c>/{id}?fields=...</c>; Google's
/// <c>/v1/locations/{id}:fetchMultiDailyMetricsTimeSeries</c>. A post's counts are <see cref="FakePostMetrics.For"/> its
/// id unless set; scripted answers (errors, rate limits) go to the next requests whose address contains a text.
/// </summary>
public sealed partial class FakeNetworkMetrics : IDisposable
{
    private readonly ConcurrentDictionary<string, FakePostMetrics> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Contains, FakeAnswer Answer)> _scripts = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    public FakeNetworkMetrics()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().UsingGet().WithPath(new WildcardMatcher("/*"))).AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(Handle));
    }

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url!;

    public long Followers { get; set; } = 4321;

    /// <summary>Google Business Profile: each impression series reports this many a day, each action series a tenth.</summary>
    public long DailyImpressionsPerSeries { get; set; } = 25;

    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    /// <summary>Settings that point the readers of an API host here (and the publishers, which share the base addresses).</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("Publishing:LinkedIn:BaseUrl", BaseUrl);
        yield return new("Publishing:X:BaseUrl", BaseUrl);
        yield return new("Publishing:Facebook:BaseUrl", BaseUrl);
        yield return new("Publishing:Instagram:BaseUrl", BaseUrl);
        yield return new("Analytics:GoogleBusinessPerformanceUrl", BaseUrl);
    }

    public void SetPost(string id, FakePostMetrics metrics) => _posts[id] = metrics;

    public FakePostMetrics PostMetrics(string id) => _posts.GetValueOrDefault(id) ?? FakePostMetrics.For(id);

    /// <summary>The next request whose path and query contain <paramref name="contains"/> gets <paramref name="answer"/>.</summary>
    public void Script(string contains, FakeAnswer answer) => _scripts.Enqueue((contains, answer));

    public void Dispose() => Server.Stop();

    private IResponseMessage Handle(IRequestMessage request)
    {
        var path = request.AbsolutePath;
        var url = Uri.UnescapeDataString(new Uri(request.Url).PathAndQuery);
        var response = Scripted(url) is { } scripted ? FakePlatforms.Build(scripted.Status, scripted.Body, scripted.Headers) : Answer(request, path, url);
        var token = request.Headers?.TryGetValue("Authorization", out var auth) == true ? auth.FirstOrDefault()?.Replace("Bearer ", "", StringComparison.Ordinal)
            : Parse(request).TryGetValue("access_token", out var t) ? t.FirstOrDefault() : null;
        var headers = (request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new FakeRequest(Kind(path), null, url, "", token, DateTimeOffset.UtcNow, (int)response.StatusCode!, headers));
        return response;
    }

    private FakeAnswer? Scripted(string url)
    {
        // One pass over the queue: the first script whose text is in the address is used, the others keep their order.
        var count = _scripts.Count;
        FakeAnswer? found = null;
        for (var i = 0; i < count && _scripts.TryDequeue(out var script); i++)
        {
            if (found is null && url.Contains(script.Contains, StringComparison.Ordinal))
            {
                found = script.Answer;
            }
            else
            {
                _scripts.Enqueue(script);
            }
        }

        return found;
    }

    public static string Kind(string path) => path switch
    {
        "/rest/organizationalEntityShareStatistics" => "linkedin-share-statistics",
        "/rest/memberCreatorPostAnalytics" => "linkedin-member-analytics",
        _ when path.StartsWith("/rest/socialActions/", StringComparison.Ordinal) => "linkedin-social-actions",
        _ when path.StartsWith("/rest/networkSizes/", StringComparison.Ordinal) => "linkedin-followers",
        _ when path.StartsWith("/2/tweets/", StringComparison.Ordinal) => "x-post",
        _ when path.StartsWith("/2/users/", StringComparison.Ordinal) => "x-user",
        _ when path.EndsWith("/insights", StringComparison.Ordinal) => "graph-insights",
        _ when path.Contains(":fetchMultiDailyMetricsTimeSeries", StringComparison.Ordinal) => "google-daily",
        _ => "graph-object",
    };

    private ResponseMessage Answer(IRequestMessage request, string path, string url)
    {
        var query = Parse(request);
        string Query(string name) => query.TryGetValue(name, out var v) ? v.FirstOrDefault() ?? "" : "";
        switch (Kind(path))
        {
            case "linkedin-share-statistics":
                var urn = ListItem().Match(url) is { Success: true } m ? m.Groups[1].Value : "";
                var s = PostMetrics(urn);
                return Json(new
                {
                    paging = new { count = 10, start = 0, links = Array.Empty<object>() },
                    elements = new[]
                    {
                        new
                        {
                            totalShareStatistics = new
                            {
                                uniqueImpressionsCount = s.Reach, shareCount = s.Shares, engagement = 0.05, clickCount = s.Clicks, likeCount = s.Likes,
                                impressionCount = s.Impressions, commentCount = s.Comments,
                            },
                            share = urn,
                            organizationalEntity = Query("organizationalEntity"),
                        },
                    },
                });
            case "linkedin-member-analytics":
                return MemberAnalytics(Query("q"), Query("entity"), Query("queryType"), Query("aggregation"));
            case "linkedin-social-actions":
                var actions = PostMetrics(Uri.UnescapeDataString(path["/rest/socialActions/".Length..]));
                return Json(new
                {
                    likesSummary = new { totalLikes = actions.Likes, likedByCurrentUser = false },
                    commentsSummary = new { count = actions.Comments, aggregatedTotalComments = actions.Comments },
                });
            case "linkedin-followers":
                return Json(new { firstDegreeSize = Followers });
            case "x-post":
                var id = path["/2/tweets/".Length..];
                var x = PostMetrics(id);
                var fields = Query("tweet.fields");
                return Json(new
                {
                    data = new
                    {
                        id, text = "posted", edit_history_tweet_ids = new[] { id },
                        public_metrics = new
                        {
                            retweet_count = x.Shares, reply_count = x.Comments, like_count = x.Likes, quote_count = 0, bookmark_count = x.Saves,
                            impression_count = x.Impressions,
                        },
                        non_public_metrics = fields.Contains("non_public_metrics", StringComparison.Ordinal)
                            ? new { impression_count = x.Impressions, url_link_clicks = x.Clicks, user_profile_clicks = 0L }
                            : null,
                    },
                });
            case "x-user":
                return Json(new { data = new { id = path["/2/users/".Length..], name = "Acme", username = "acme", public_metrics = new { followers_count = Followers } } });
            case "graph-insights":
                var post = PostMetrics(Uri.UnescapeDataString(path[1..^"/insights".Length]));
                var names = Query("metric").Split(',');
                var values = names.Select(name => (object)new
                {
                    name,
                    period = "lifetime",
                    values = new[] { new { value = GraphValue(name, post) } },
                    id = $"{path[1..]}/{name}/lifetime",
                }).ToArray();
                return Json(new { data = values });
            case "google-daily":
                return Json(GoogleDaily(query));
            default:
                var fieldsWanted = Query("fields");
                var objectId = Uri.UnescapeDataString(path[1..]);
                if (fieldsWanted.Contains("followers_count", StringComparison.Ordinal))
                {
                    return Json(new { followers_count = Followers, id = objectId });
                }

                var graph = PostMetrics(objectId);
                return Json(new { shares = new { count = graph.Shares }, comments = new { data = Array.Empty<object>(), summary = new { total_count = graph.Comments } }, id = objectId });
        }
    }

    /// <summary>
    /// <c>memberCreatorPostAnalytics</c>: the finder <c>q=entity</c> with <c>entity=(share:{urn})</c> or <c>(ugc:{urn})</c>
    /// and one <c>queryType</c>; the total in <c>elements[0].count</c>. Anything else is LinkedIn's 400.
    /// </summary>
    private ResponseMessage MemberAnalytics(string finder, string entity, string metric, string aggregation)
    {
        var match = EntityTuple().Match(entity);
        if (finder != "entity" || !match.Success || aggregation is not ("" or "TOTAL"))
        {
            return FakePlatforms.Build(400, """{"status":400,"code":"ILLEGAL_ARGUMENT","message":"Invalid entity or finder"}""");
        }

        var urn = match.Groups[2].Value;
        var m = PostMetrics(urn);
        long? count = metric switch
        {
            "IMPRESSION" => m.Impressions,
            "MEMBERS_REACHED" => m.Reach,
            "REACTION" => m.Likes,
            "COMMENT" => m.Comments,
            "RESHARE" => m.Shares,
            _ => null,
        };
        if (count is null)
        {
            return FakePlatforms.Build(400, """{"status":400,"code":"ILLEGAL_ARGUMENT","message":"Invalid queryType"}""");
        }

        return Json(new
        {
            paging = new { start = 0, count = 10, links = Array.Empty<object>() },
            elements = new[] { new { count = count.Value, metricType = metric, targetEntity = new Dictionary<string, string> { [match.Groups[1].Value] = urn } } },
        });
    }

    private static object GraphValue(string name, FakePostMetrics m) => name switch
    {
        "post_media_view" or "views" => m.Impressions,
        "post_total_media_view_unique" or "reach" => m.Reach,
        "post_clicks" => m.Clicks,
        "post_reactions_by_type_total" => new Dictionary<string, long> { ["like"] = m.Likes - (m.Likes / 4), ["love"] = m.Likes / 4 },
        "likes" => m.Likes,
        "comments" => m.Comments,
        "shares" => m.Shares,
        "saved" => m.Saves,
        "total_interactions" => m.Likes + m.Comments + m.Shares + m.Saves,
        _ => 0,
    };

    // Read here rather than from WireMock's parsed query, which may split a value at its commas (metric=a,b,c).
    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Parse(IRequestMessage request) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(request.Url).Query);

    private object GoogleDaily(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        int Part(string name) => int.Parse(query[name].First()!, CultureInfo.InvariantCulture);
        var start = new DateOnly(Part("dailyRange.startDate.year"), Part("dailyRange.startDate.month"), Part("dailyRange.startDate.day"));
        var end = new DateOnly(Part("dailyRange.endDate.year"), Part("dailyRange.endDate.month"), Part("dailyRange.endDate.day"));
        var series = query["dailyMetrics"].Select(metric => new
        {
            dailyMetric = metric,
            timeSeries = new
            {
                datedValues = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(i => start.AddDays(i)).Select(d => new
                {
                    date = new { year = d.Year, month = d.Month, day = d.Day },
                    // int64 values come as strings in Google's JSON.
                    value = (metric!.StartsWith("BUSINESS_IMPRESSIONS", StringComparison.Ordinal) ? DailyImpressionsPerSeries : DailyImpressionsPerSeries / 10)
                        .ToString(CultureInfo.InvariantCulture),
                }).ToArray(),
            },
        }).ToArray();
        return new { multiDailyMetricTimeSeries = new[] { new { dailyMetricTimeSeries = series } } };
    }

    private static ResponseMessage Json(object body) => FakePlatforms.Build(200, JsonSerializer.Serialize(body));

    [GeneratedRegex(@"^\((share|ugc):(urn:li:(?:share|ugcPost):[^)]+)\)$")]
    private static partial Regex EntityTuple();

    [GeneratedRegex(@"(?:shares|ugcPosts)=List\(([^)]+)\)")]
    private static partial Regex ListItem();
}
