using BrandAutomator.Application.Analytics;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Analytics;
using UglyToad.PdfPig;

namespace BrandAutomator.Infrastructure.Tests.Analytics;

public sealed class PdfAnalyticsWriterTests
{
    [Fact]
    public void The_report_carries_the_totals_each_network_and_every_post_as_text_a_reader_finds()
    {
        var totals = new AnalyticsTotalsDto(2, 12_345, 9_000, 678, 90, 5.49, 4321, 21);
        var before = new AnalyticsTotalsDto(1, 6_000, 4_000, 300, 40, 5.0, 4300, 3);
        var day = new DateOnly(2026, 10, 1);
        var overview = new AnalyticsOverviewDto(day, day.AddDays(27), day.AddDays(-28), day.AddDays(-1), "Europe/Berlin", totals, before,
            [new AnalyticsNetworkDto(SocialPlatform.LinkedIn, "LinkedIn", true, totals, before, null, null, null)],
            Enumerable.Range(0, 28).Select(i => new AnalyticsDayDto(day.AddDays(i), i % 3, i * 100, i * 5, i)).ToList(),
            [], [], Array.Empty<ConnectionWarningDto>(), null);
        var posts = new List<AnalyticsPostDto>
        {
            new(Guid.NewGuid(), "Harvest blend – Café Ø", SocialPlatform.LinkedIn, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), 12_000, 8_800, 600, 80, 5.0, null, null),
            new(Guid.NewGuid(), "素晴らしい", SocialPlatform.X, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), 345, 200, 78, 10, 22.61, null, null),
        };

        var bytes = new PdfAnalyticsWriter().Write(overview, posts, "Fjord Roastery");

        using var document = PdfDocument.Open(bytes);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("12,345", text, StringComparison.Ordinal);
        Assert.Contains("6,000", text, StringComparison.Ordinal);
        Assert.Contains("5.49%", text, StringComparison.Ordinal);
        Assert.Contains("Cafe", text, StringComparison.Ordinal);
        Assert.Contains("22.61%", text, StringComparison.Ordinal);
        Assert.Contains("Fjord", text, StringComparison.Ordinal);
    }
}
