using System.Net;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Analytics.AnalyticsHelpers;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>
/// Google Business Profile reports numbers for the whole profile, never per post: its posts count as published, but
/// they are not ranked among the top posts nor listed in the CSV's or the PDF's per-post rows, and the page says why.
/// </summary>
public sealed class TopPostsTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task Posts_of_a_network_without_per_post_numbers_are_left_out_of_the_top_posts_and_the_per_post_tables()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "x");
        await ConnectAsync(admin, "googleBusiness");
        var at = DateTimeOffset.UtcNow.AddHours(-4);
        await PublishedPostAsync(factory, admin, "x", NewId(), at, "Harvest festival");
        await PublishedPostAsync(factory, admin, "googleBusiness", $"accounts/111/locations/222/localPosts/{NewId()}", at, "Opening hours");

        var collected = await factory.CollectAsync(admin.TenantId);
        Assert.Equal(2, collected.Tracked);

        var overview = await OverviewAsync(admin);
        var top = overview["topPosts"]!.AsArray();
        Assert.Equal(["Harvest festival"], top.Select(p => p!["title"]!.GetValue<string>()));
        var google = overview["networks"]!.AsArray().Single(n => n!["platform"]!.GetValue<string>() == "googleBusiness")!;
        Assert.Equal(1, google["current"]!["posts"]!.GetValue<int>());
        Assert.False(google["hasPostMetrics"]!.GetValue<bool>());
        Assert.Contains("not per post", google["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, overview["current"]!["posts"]!.GetValue<int>());

        var csv = await admin.Client.GetAsync("/api/v1/analytics/export.csv");
        await csv.EnsureStatusAsync(HttpStatusCode.OK);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("Post,", StringComparison.Ordinal)).ToList();
        Assert.Single(rows);
        Assert.Contains("Harvest festival", rows[0], StringComparison.Ordinal);

        var pdf = await admin.Client.GetAsync("/api/v1/analytics/report.pdf");
        await pdf.EnsureStatusAsync(HttpStatusCode.OK);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Harvest festival", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Opening hours", text, StringComparison.Ordinal);
    }
}
