using System.Net;
using System.Net.Http.Json;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Analytics.AnalyticsHelpers;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>
/// A LinkedIn member's posts: with <c>r_member_postAnalytics</c> granted, the collector reads impressions, reach,
/// reactions, comments and reshares from <c>memberCreatorPostAnalytics</c>; without it, the reactions and comments
/// of <c>socialActions</c>, as before.
/// </summary>
public sealed class LinkedInMemberTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task A_member_who_granted_post_analytics_gets_impressions_and_one_who_did_not_gets_social_action_counts()
    {
        var granted = await MemberWithPostAsync("openid profile w_member_social r_member_postAnalytics");
        var plain = await MemberWithPostAsync(null);

        await factory.CollectAsync(granted.Admin.TenantId);
        await factory.CollectAsync(plain.Admin.TenantId);

        var reported = factory.Fakes.PostMetrics(granted.Urn);
        var withAnalytics = (await OverviewAsync(granted.Admin))["current"]!;
        Assert.Equal(reported.Impressions, Long(withAnalytics["impressions"]));
        Assert.Equal(reported.Reach, Long(withAnalytics["reach"]));
        Assert.Equal(reported.Likes + reported.Comments + reported.Shares, Long(withAnalytics["engagements"]));
        Assert.Contains(factory.Fakes.Requests, r => r.Kind == "linkedin-member-analytics" && r.Path.Contains(granted.Urn, StringComparison.Ordinal));

        var counts = factory.Fakes.PostMetrics(plain.Urn);
        var withoutAnalytics = (await OverviewAsync(plain.Admin))["current"]!;
        Assert.Equal(0, Long(withoutAnalytics["impressions"]));
        Assert.Equal(counts.Likes + counts.Comments, Long(withoutAnalytics["engagements"]));
        Assert.DoesNotContain(factory.Fakes.Requests, r => r.Kind == "linkedin-member-analytics" && r.Path.Contains(plain.Urn, StringComparison.Ordinal));
        Assert.Contains(factory.Fakes.Requests, r => r.Kind == "linkedin-social-actions" && r.Path.Contains(plain.Urn, StringComparison.Ordinal));
    }

    /// <summary>
    /// A workspace whose LinkedIn connection is a member with <paramref name="scopes"/> granted (as the OAuth flow records
    /// them from the token response), and one post of that member published five hours ago.
    /// </summary>
    private async Task<(Account Admin, string Urn)> MemberWithPostAsync(string? scopes)
    {
        var admin = await factory.RegisterAsync();
        var response = await admin.Client.PostAsJsonAsync("/api/v1/social/connections", new
        {
            platform = "linkedIn",
            externalAccountId = $"urn:li:person:m{NewId()}",
            displayName = "Ada on LinkedIn",
            accessToken = "at-member",
        });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        if (scopes is not null)
        {
            await factory.ExecuteSqlAsync($"UPDATE \"tenant_{admin.TenantId:N}\".social_connections SET granted_scopes = '{scopes}'");
        }

        var urn = $"urn:li:share:{NewId()}";
        await PublishedPostAsync(factory, admin, "linkedIn", urn, DateTimeOffset.UtcNow.AddHours(-5), "Member news");
        return (admin, urn);
    }
}
