using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Infrastructure.Analytics;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Time.Testing;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace BrandAutomator.Infrastructure.Tests.Analytics;

/// <summary>Each network's metrics reader against a local fake of its read API: the counts, an error, and a rate limit.</summary>
public sealed class MetricsReaderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeNetworkMetrics _fake = new();
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public async Task Linkedin_organisation_posts_read_the_share_statistics_of_that_share()
    {
        var urn = "urn:li:share:7001";
        _fake.SetPost(urn, new FakePostMetrics(1500, 900, 40, 60, 7, 5, 0));
        var reader = new LinkedInMetricsReader(new HttpClient(), Platforms(), _clock);

        var read = await reader.ReadPostAsync(new PostMetricsRequest("urn:li:organization:4242", urn, "at-1", Now.AddHours(-5)), CancellationToken.None);

        Assert.Equal(MetricsReadKind.Read, read.Kind);
        Assert.Equal(1500, read.Values[MetricKind.Impressions]);
        Assert.Equal(900, read.Values[MetricKind.Reach]);
        Assert.Equal(40, read.Values[MetricKind.Clicks]);
        Assert.Equal(60, read.Values[MetricKind.Reactions]);
        Assert.Equal(7, read.Values[MetricKind.Comments]);
        Assert.Equal(5, read.Values[MetricKind.Shares]);
        var request = Assert.Single(_fake.Requests);
        Assert.Contains("q=organizationalEntity", request.Path, StringComparison.Ordinal);
        Assert.Contains("shares=List(urn:li:share:7001)", request.Path, StringComparison.Ordinal);
        Assert.Equal("2.0.0", request.Headers["X-Restli-Protocol-Version"]);
        Assert.Equal("at-1", request.AccessToken);
    }

    [Fact]
    public async Task Linkedin_member_posts_read_social_action_counts_and_have_no_follower_count()
    {
        var urn = "urn:li:share:7002";
        _fake.SetPost(urn, new FakePostMetrics(0, 0, 0, 12, 3, 0, 0));
        var reader = new LinkedInMetricsReader(new HttpClient(), Platforms(), _clock);

        var read = await reader.ReadPostAsync(new PostMetricsRequest("urn:li:person:abc", urn, "at-1", Now.AddHours(-5)), CancellationToken.None);

        Assert.Equal(12, read.Values[MetricKind.Reactions]);
        Assert.Equal(3, read.Values[MetricKind.Comments]);
        Assert.False(read.Values.ContainsKey(MetricKind.Impressions));
        Assert.False(reader.ReadsAccount("urn:li:person:abc"));
        Assert.StartsWith("/rest/socialActions/", Assert.Single(_fake.Requests).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linkedin_member_posts_with_the_analytics_permission_read_member_creator_post_analytics()
    {
        var urn = "urn:li:share:7003";
        _fake.SetPost(urn, new FakePostMetrics(2400, 1300, 0, 45, 6, 3, 0));
        var reader = new LinkedInMetricsReader(new HttpClient(), Platforms(), _clock);

        var read = await reader.ReadPostAsync(
            new PostMetricsRequest("urn:li:person:abc", urn, "at-m", Now.AddHours(-5), "openid profile w_member_social r_member_postAnalytics"),
            CancellationToken.None);

        Assert.Equal(MetricsReadKind.Read, read.Kind);
        Assert.Equal(2400, read.Values[MetricKind.Impressions]);
        Assert.Equal(1300, read.Values[MetricKind.Reach]);
        Assert.Equal(45, read.Values[MetricKind.Reactions]);
        Assert.Equal(6, read.Values[MetricKind.Comments]);
        Assert.Equal(3, read.Values[MetricKind.Shares]);
        var requests = _fake.Requests;
        Assert.Equal(["IMPRESSION", "MEMBERS_REACHED", "REACTION", "COMMENT", "RESHARE"],
            requests.Select(r => System.Text.RegularExpressions.Regex.Match(r.Path, "queryType=([A-Z_]+)").Groups[1].Value));
        Assert.All(requests, r =>
        {
            Assert.StartsWith("/rest/memberCreatorPostAnalytics?q=entity&entity=(share:urn:li:share:7003)&", r.Path, StringComparison.Ordinal);
            Assert.Contains("aggregation=TOTAL", r.Path, StringComparison.Ordinal);
            Assert.Equal(Platforms().Value.LinkedInVersion, r.Headers["LinkedIn-Version"]);
            Assert.Equal("at-m", r.AccessToken);
        });
        Assert.DoesNotContain(requests, r => r.Kind == "linkedin-social-actions");
    }

    [Fact]
    public async Task Linkedin_member_analytics_name_a_ugc_post_as_such_and_fall_back_to_social_actions_when_refused()
    {
        var ugc = "urn:li:ugcPost:7004";
        _fake.SetPost(ugc, new FakePostMetrics(900, 500, 0, 14, 2, 1, 0));
        var reader = new LinkedInMetricsReader(new HttpClient(), Platforms(), _clock);
        var granted = new PostMetricsRequest("urn:li:person:abc", ugc, "at-m", Now.AddHours(-5), LinkedInMetricsReader.MemberAnalyticsScope);

        var read = await reader.ReadPostAsync(granted, CancellationToken.None);
        Assert.Equal(900, read.Values[MetricKind.Impressions]);
        Assert.Contains("entity=(ugc:urn:li:ugcPost:7004)", _fake.Requests[0].Path, StringComparison.Ordinal);

        // The member withdrew the permission on LinkedIn's side: the counts everyone may read, instead of no numbers.
        _fake.Script("memberCreatorPostAnalytics", new FakeAnswer(403,
            """{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: memberCreatorPostAnalytics.FINDER-entity.20250901"}"""));
        var refused = await reader.ReadPostAsync(granted, CancellationToken.None);
        Assert.Equal(MetricsReadKind.Read, refused.Kind);
        Assert.Equal(14, refused.Values[MetricKind.Reactions]);
        Assert.Equal(2, refused.Values[MetricKind.Comments]);
        Assert.False(refused.Values.ContainsKey(MetricKind.Impressions));
        Assert.Equal("linkedin-social-actions", _fake.Requests[^1].Kind);
    }

    [Fact]
    public async Task X_reads_public_and_private_metrics_of_a_recent_post_and_only_public_ones_later()
    {
        _fake.SetPost("1850", new FakePostMetrics(3000, 0, 25, 80, 9, 4, 6));
        var reader = new XMetricsReader(new HttpClient(), Platforms(), _clock);

        var recent = await reader.ReadPostAsync(new PostMetricsRequest("99", "1850", "at-x", Now.AddDays(-2)), CancellationToken.None);
        var old = await reader.ReadPostAsync(new PostMetricsRequest("99", "1850", "at-x", Now.AddDays(-40)), CancellationToken.None);

        Assert.Equal(3000, recent.Values[MetricKind.Impressions]);
        Assert.Equal(80, recent.Values[MetricKind.Reactions]);
        Assert.Equal(9, recent.Values[MetricKind.Comments]);
        Assert.Equal(4, recent.Values[MetricKind.Shares]);
        Assert.Equal(6, recent.Values[MetricKind.Saves]);
        Assert.Equal(25, recent.Values[MetricKind.Clicks]);
        Assert.False(old.Values.ContainsKey(MetricKind.Clicks));
        Assert.Contains("tweet.fields=public_metrics,non_public_metrics", _fake.Requests[0].Path, StringComparison.Ordinal);
        Assert.EndsWith("tweet.fields=public_metrics", _fake.Requests[1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task X_waits_until_its_rate_limit_window_resets()
    {
        var reset = Now.AddMinutes(12);
        _fake.Script("/2/tweets/", FakeAnswer.XRateLimited(reset));
        var reader = new XMetricsReader(new HttpClient(), Platforms(), _clock);

        var read = await reader.ReadPostAsync(new PostMetricsRequest("99", "1851", "at-x", Now.AddDays(-1)), CancellationToken.None);

        Assert.Equal(MetricsReadKind.RetryLater, read.Kind);
        Assert.Equal(TimeSpan.FromMinutes(12), read.RetryAfter);
    }

    [Fact]
    public async Task Facebook_reads_the_current_insight_names_and_the_posts_comments_and_shares()
    {
        _fake.SetPost("page_77", new FakePostMetrics(2000, 1200, 30, 40, 6, 3, 0));
        var reader = new FacebookMetricsReader(new HttpClient(), Platforms(), _clock);

        var read = await reader.ReadPostAsync(new PostMetricsRequest("page", "page_77", "at-fb", Now.AddDays(-1)), CancellationToken.None);

        Assert.Equal(2000, read.Values[MetricKind.Impressions]);
        Assert.Equal(1200, read.Values[MetricKind.Reach]);
        Assert.Equal(30, read.Values[MetricKind.Clicks]);
        Assert.Equal(40, read.Values[MetricKind.Reactions]);
        Assert.Equal(6, read.Values[MetricKind.Comments]);
        Assert.Equal(3, read.Values[MetricKind.Shares]);
        var insights = _fake.Requests[0].Path;
        Assert.Contains("metric=post_media_view,post_total_media_view_unique,post_clicks,post_reactions_by_type_total", insights, StringComparison.Ordinal);
        Assert.DoesNotContain("post_impressions", insights, StringComparison.Ordinal);
        Assert.Equal("at-fb", _fake.Requests[0].AccessToken);
    }

    [Fact]
    public async Task Graph_token_errors_are_unauthorized_and_throttling_codes_wait()
    {
        _fake.Script("/page_1/insights", new FakeAnswer(400, """{"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190,"error_subcode":463}}"""));
        _fake.Script("/ig_1/insights", new FakeAnswer(400, """{"error":{"message":"Application request limit reached","type":"OAuthException","code":4,"is_transient":true}}"""));
        _fake.Script("/ig_2/insights", new FakeAnswer(400, """{"error":{"message":"Unsupported get request. Object with ID 'ig_2' does not exist","type":"GraphMethodException","code":100,"error_subcode":33}}"""));
        var facebook = new FacebookMetricsReader(new HttpClient(), Platforms(), _clock);
        var instagram = new InstagramMetricsReader(new HttpClient(), Platforms(), _clock);

        var expired = await facebook.ReadPostAsync(new PostMetricsRequest("page", "page_1", "at", Now), CancellationToken.None);
        var limited = await instagram.ReadPostAsync(new PostMetricsRequest("ig", "ig_1", "at", Now), CancellationToken.None);
        var gone = await instagram.ReadPostAsync(new PostMetricsRequest("ig", "ig_2", "at", Now), CancellationToken.None);

        Assert.Equal(MetricsReadKind.Unauthorized, expired.Kind);
        Assert.Equal(MetricsReadKind.RetryLater, limited.Kind);
        Assert.Equal(MetricsReadKind.Refused, gone.Kind);
        Assert.Contains("does not exist", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instagram_reads_views_reach_likes_comments_shares_and_saves()
    {
        _fake.SetPost("ig_9", new FakePostMetrics(5000, 3100, 0, 210, 14, 9, 33));
        var reader = new InstagramMetricsReader(new HttpClient(), Platforms(), _clock);

        var read = await reader.ReadPostAsync(new PostMetricsRequest("1789", "ig_9", "at-ig", Now.AddDays(-1)), CancellationToken.None);
        var followers = await reader.ReadAccountAsync(new AccountMetricsRequest("1789", "at-ig", DateOnly.FromDateTime(Now.UtcDateTime), DateOnly.FromDateTime(Now.UtcDateTime)), CancellationToken.None);

        Assert.Equal(5000, read.Values[MetricKind.Impressions]);
        Assert.Equal(3100, read.Values[MetricKind.Reach]);
        Assert.Equal(210, read.Values[MetricKind.Reactions]);
        Assert.Equal(14, read.Values[MetricKind.Comments]);
        Assert.Equal(9, read.Values[MetricKind.Shares]);
        Assert.Equal(33, read.Values[MetricKind.Saves]);
        Assert.Contains("metric=views,reach,likes,comments,shares,saved,total_interactions", _fake.Requests[0].Path, StringComparison.Ordinal);
        Assert.Equal(_fake.Followers, followers.Values[MetricKind.Followers]);
    }

    [Fact]
    public async Task Google_business_profile_reads_daily_location_metrics_and_has_none_per_post()
    {
        var reader = new GoogleBusinessMetricsReader(new HttpClient(), OptionsFactory.Create(new AnalyticsOptions { GoogleBusinessPerformanceUrl = _fake.BaseUrl }), _clock);
        var from = new DateOnly(2026, 10, 13);

        var post = await reader.ReadPostAsync(new PostMetricsRequest("accounts/1/locations/222", "accounts/1/locations/222/localPosts/9", "at", Now), CancellationToken.None);
        var daily = await reader.ReadAccountAsync(new AccountMetricsRequest("accounts/1/locations/222", "at-g", from, from.AddDays(6)), CancellationToken.None);

        Assert.Equal(MetricsReadKind.NotAvailable, post.Kind);
        Assert.False(reader.HasPostMetrics);
        Assert.Equal(14, daily.Daily.Count);
        Assert.All(daily.Daily.Where(d => d.Kind == MetricKind.ProfileViews), d => Assert.Equal(4 * _fake.DailyImpressionsPerSeries, d.Value));
        Assert.All(daily.Daily.Where(d => d.Kind == MetricKind.ProfileActions), d => Assert.Equal(3 * (_fake.DailyImpressionsPerSeries / 10), d.Value));
        var request = Assert.Single(_fake.Requests);
        Assert.StartsWith("/v1/locations/222:fetchMultiDailyMetricsTimeSeries?", request.Path, StringComparison.Ordinal);
        Assert.Contains("dailyRange.startDate.year=2026&dailyRange.startDate.month=10&dailyRange.startDate.day=13", request.Path, StringComparison.Ordinal);
        Assert.Equal("at-g", request.AccessToken);
    }

    [Fact]
    public async Task Google_quota_answers_wait_the_retry_after_and_a_refused_token_is_unauthorized()
    {
        _fake.Script("locations/333", new FakeAnswer(429, """{"error":{"code":429,"message":"Quota exceeded for quota metric","status":"RESOURCE_EXHAUSTED"}}""",
            new Dictionary<string, string> { ["Retry-After"] = "120" }));
        _fake.Script("locations/444", new FakeAnswer(401, """{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}}"""));
        var reader = new GoogleBusinessMetricsReader(new HttpClient(), OptionsFactory.Create(new AnalyticsOptions { GoogleBusinessPerformanceUrl = _fake.BaseUrl }), _clock);
        var day = new DateOnly(2026, 10, 19);

        var limited = await reader.ReadAccountAsync(new AccountMetricsRequest("accounts/1/locations/333", "at", day, day), CancellationToken.None);
        var refused = await reader.ReadAccountAsync(new AccountMetricsRequest("accounts/1/locations/444", "at", day, day), CancellationToken.None);

        Assert.Equal(MetricsReadKind.RetryLater, limited.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), limited.RetryAfter);
        Assert.Equal(MetricsReadKind.Unauthorized, refused.Kind);
    }

    [Fact]
    public async Task Linkedin_outages_wait_and_forbidden_reads_are_refusals()
    {
        _fake.Script("urn:li:share:1", FakeAnswer.Unavailable());
        _fake.Script("urn:li:share:2", new FakeAnswer(403, """{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: organizationalEntityShareStatistics.GET.20251001"}"""));
        var reader = new LinkedInMetricsReader(new HttpClient(), Platforms(), _clock);

        var outage = await reader.ReadPostAsync(new PostMetricsRequest("urn:li:organization:1", "urn:li:share:1", "at", Now), CancellationToken.None);
        var forbidden = await reader.ReadPostAsync(new PostMetricsRequest("urn:li:organization:1", "urn:li:share:2", "at", Now), CancellationToken.None);

        Assert.Equal(MetricsReadKind.RetryLater, outage.Kind);
        Assert.Equal(MetricsReadKind.Refused, forbidden.Kind);
        Assert.Contains("Not enough permissions", forbidden.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _fake.Dispose();

    private Microsoft.Extensions.Options.IOptions<PlatformOptions> Platforms() => OptionsFactory.Create(new PlatformOptions
    {
        LinkedIn = new PlatformEndpointOptions { BaseUrl = _fake.BaseUrl },
        X = new PlatformEndpointOptions { BaseUrl = _fake.BaseUrl },
        Facebook = new PlatformEndpointOptions { BaseUrl = _fake.BaseUrl },
        Instagram = new PlatformEndpointOptions { BaseUrl = _fake.BaseUrl },
    });
}
