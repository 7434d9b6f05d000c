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
        Assert.Contains("Café", text, StringComparison.Ordinal);
        Assert.Contains("Ø", text, StringComparison.Ordinal);
        Assert.Contains("22.61%", text, StringComparison.Ordinal);
        Assert.Contains("Fjord", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_accents_print_as_written_and_a_character_the_font_lacks_becomes_a_question_mark()
    {
        var totals = new AnalyticsTotalsDto(1, 100, 80, 10, 1, 10, null, null);
        var day = new DateOnly(2026, 10, 1);
        var overview = new AnalyticsOverviewDto(day, day, day.AddDays(-1), day.AddDays(-1), "Europe/Berlin", totals, totals,
            [new AnalyticsNetworkDto(SocialPlatform.LinkedIn, "LinkedIn", true, totals, totals, null, null, null)],
            [new AnalyticsDayDto(day, 1, 100, 10, 1)], [], [], Array.Empty<ConnectionWarningDto>(), null);
        // Latin-1 (ü, é), Latin Extended-A (Ł, ź, Ř, ž), a decomposed accent (e + U+0301), and an emoji outside the font.
        var posts = new List<AnalyticsPostDto>
        {
            new(Guid.NewGuid(), "Łódź Řež Crème brûle\u0301e \U0001F600", SocialPlatform.LinkedIn,
                new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), 100, 80, 10, 1, 10, null, null),
        };

        var bytes = new PdfAnalyticsWriter().Write(overview, posts, "Zürich Café");

        using var document = PdfDocument.Open(bytes);
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        var text = string.Join(" ", words);
        Assert.Contains("Zürich Café:", text, StringComparison.Ordinal);
        Assert.Contains("Łódź Řež Crème brûlée ?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Zurich", text, StringComparison.Ordinal);
        Assert.Contains(document.GetPages().SelectMany(p => p.Letters), l => l.FontName?.Contains("DejaVuSans", StringComparison.Ordinal) == true);
    }
}
