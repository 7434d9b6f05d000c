using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.Social;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>
/// The analytics report as an A4 PDF drawn with PdfPig's writer: a title, the totals with their change on the period
/// before, a bar chart of impressions and engagements by day, a table per network and one of every post. The text is
/// set in DejaVu Sans, embedded (PdfPig writes the glyphs used), which covers Latin with its accents and extensions,
/// Greek and Cyrillic, so "Zürich Café" prints as written and stays searchable; a character the font lacks (an emoji)
/// is written as "?" rather than failing the report.
/// </summary>
public sealed class PdfAnalyticsWriter : IAnalyticsPdfWriter
{
    private const double Left = 40;
    private const double Right = 555;
    private const double Top = 800;
    private const double Bottom = 50;

    private static readonly Lazy<EmbeddedFont> Regular = new(() => EmbeddedFont.Load("DejaVuSans.ttf"));
    private static readonly Lazy<EmbeddedFont> Bold = new(() => EmbeddedFont.Load("DejaVuSans-Bold.ttf"));

    public byte[] Write(AnalyticsOverviewDto overview, IReadOnlyList<AnalyticsPostDto> posts, string workspace)
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddTrueTypeFont(Regular.Value.Bytes);
        var bold = builder.AddTrueTypeFont(Bold.Value.Bytes);
        var page = builder.AddPage(PageSize.A4);
        var y = Top;

        void Text(string text, double size, double x, PdfDocumentBuilder.AddedFont font) => page.AddText(Safe(text), size, new PdfPoint(x, y), font);
        void NextLine(double height)
        {
            y -= height;
            if (y < Bottom)
            {
                page = builder.AddPage(PageSize.A4);
                y = Top;
            }
        }

        Text("Analytics report", 20, Left, bold);
        NextLine(22);
        Text($"{workspace}: {Day(overview.From)} to {Day(overview.To)}, compared with {Day(overview.PreviousFrom)} to {Day(overview.PreviousTo)} ({overview.TimeZone})", 10, Left, regular);
        NextLine(28);

        var current = overview.Current;
        var previous = overview.Previous;
        (string Label, string Now, string Before)[] totals =
        [
            ("Posts published", N(current.Posts), N(previous.Posts)),
            ("Impressions", N(current.Impressions), N(previous.Impressions)),
            ("Engagements", N(current.Engagements), N(previous.Engagements)),
            ("Clicks", N(current.Clicks), N(previous.Clicks)),
            ("Engagement rate", Rate(current.EngagementRate), Rate(previous.EngagementRate)),
            ("Followers", current.Followers is { } f ? N(f) : "-", previous.Followers is { } pf ? N(pf) : "-"),
        ];
        Text("Totals", 13, Left, bold);
        Text("This period", 9, 300, bold);
        Text("Previous period", 9, 420, bold);
        NextLine(16);
        foreach (var (label, now, before) in totals)
        {
            Text(label, 10, Left, regular);
            Text(now, 10, 300, bold);
            Text(before, 10, 420, regular);
            NextLine(14);
        }

        NextLine(14);
        Text("Impressions and engagements by day of publishing", 13, Left, bold);
        NextLine(12);
        y = Chart(page, overview.Days, y, regular);
        NextLine(24);

        Text("By network", 13, Left, bold);
        NextLine(16);
        Row(page, ref y, bold, "Network", "Posts", "Impressions", "Engagements", "Rate");
        foreach (var network in overview.Networks)
        {
            NextLine(14);
            Row(page, ref y, regular, network.Name, N(network.Current.Posts), network.HasPostMetrics ? N(network.Current.Impressions) : "-",
                network.HasPostMetrics ? N(network.Current.Engagements) : "-", Rate(network.Current.EngagementRate));
            if (network.Note is { } note)
            {
                NextLine(12);
                Text(note, 8, Left + 10, regular);
            }
        }

        NextLine(28);
        Text("Posts", 13, Left, bold);
        NextLine(16);
        Row(page, ref y, bold, "Post", "Network", "Impressions", "Engagements", "Rate");
        foreach (var post in posts)
        {
            NextLine(14);
            Row(page, ref y, regular, Shorten(post.Title, 48), post.Platform.DisplayName(), N(post.Impressions), N(post.Engagements), Rate(post.EngagementRate));
        }

        return builder.Build();
    }

    private static void Row(PdfPageBuilder page, ref double y, PdfDocumentBuilder.AddedFont font, string first, string second, string third, string fourth, string fifth)
    {
        page.AddText(Safe(first), 9, new PdfPoint(Left, y), font);
        page.AddText(Safe(second), 9, new PdfPoint(290, y), font);
        page.AddText(Safe(third), 9, new PdfPoint(390, y), font);
        page.AddText(Safe(fourth), 9, new PdfPoint(460, y), font);
        page.AddText(Safe(fifth), 9, new PdfPoint(525, y), font);
    }

    /// <summary>Pairs of bars (impressions, engagements) per day under <paramref name="top"/>; answers the y below it.</summary>
    private static double Chart(PdfPageBuilder page, IReadOnlyList<AnalyticsDayDto> days, double top, PdfDocumentBuilder.AddedFont font)
    {
        const double height = 120;
        var baseline = top - height;
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => Math.Max(d.Impressions, d.Engagements)));
        var slot = (Right - Left) / Math.Max(1, days.Count);
        page.SetStrokeColor(180, 180, 190);
        page.DrawLine(new PdfPoint(Left, baseline), new PdfPoint(Right, baseline), 0.5);
        page.ResetColor();
        for (var i = 0; i < days.Count; i++)
        {
            var x = Left + (i * slot);
            var width = Math.Max(0.5, (slot / 2) - 0.5);
            var impressions = height * days[i].Impressions / max;
            var engagements = height * days[i].Engagements / max;
            page.SetTextAndFillColor(79, 70, 229);
            if (impressions > 0)
            {
                page.DrawRectangle(new PdfPoint(x, baseline), width, impressions, 0, fill: true);
            }

            page.SetTextAndFillColor(6, 118, 71);
            if (engagements > 0)
            {
                page.DrawRectangle(new PdfPoint(x + width, baseline), width, engagements, 0, fill: true);
            }
        }

        page.ResetColor();
        var labels = baseline - 12;
        if (days.Count > 0)
        {
            page.AddText(Day(days[0].Day), 8, new PdfPoint(Left, labels), font);
            page.AddText(Day(days[^1].Day), 8, new PdfPoint(Right - 50, labels), font);
        }

        page.AddText($"Highest day: {N(max)}. Blue: impressions; green: engagements.", 8, new PdfPoint(Left + 120, labels), font);
        return labels;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "...";

    /// <summary>
    /// The text as written (composed, so "e" + combining accent is one "é"), with a "?" for a character the fonts lack and
    /// for control characters; both faces cover the same characters.
    /// </summary>
    private static string Safe(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var c = rune.IsBmp ? (char)rune.Value : '\0';
            safe.Append(rune.IsBmp && !char.IsControl(c) && Regular.Value.Has(c) && Bold.Value.Has(c) ? c : '?');
        }

        return safe.ToString();
    }

    /// <summary>A TrueType font shipped inside this assembly, with the characters it has glyphs for.</summary>
    private sealed class EmbeddedFont
    {
        private readonly TrueTypeFont _font;
        private readonly ConcurrentDictionary<char, bool> _has = new();

        private EmbeddedFont(byte[] bytes)
        {
            Bytes = bytes;
            _font = TrueTypeFontParser.Parse(new TrueTypeDataBytes(bytes));
        }

        public byte[] Bytes { get; }

        public static EmbeddedFont Load(string file)
        {
            var name = $"BrandAutomator.Infrastructure.Analytics.Fonts.{file}";
            using var stream = typeof(PdfAnalyticsWriter).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The font {name} is not embedded in this assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new EmbeddedFont(copy.ToArray());
        }

        public bool Has(char c) => _has.GetOrAdd(c, ch => _font.TryGetBoundingBox(ch, out _));
    }
}
