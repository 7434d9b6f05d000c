using System.Globalization;
using System.Net;
using System.Text;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Analytics;

/// <summary>The monthly report as an e-mail: subject, plain text and the same in HTML (every value encoded).</summary>
public sealed record MonthlyReportMail(string Subject, string Text, string Html)
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static MonthlyReportMail Compose(
        string workspace, DateOnly month, AnalyticsTotalsDto current, AnalyticsTotalsDto previous, PostResultsSummary summary, Uri page)
    {
        var name = month.ToString("MMMM yyyy", En);
        var before = month.AddMonths(-1).ToString("MMMM", En);
        var rows = new (string Label, string Now, string Then, string Change)[]
        {
            ("Posts published", N(current.Posts), N(previous.Posts), Change(current.Posts, previous.Posts)),
            ("Impressions", N(current.Impressions), N(previous.Impressions), Change(current.Impressions, previous.Impressions)),
            ("Engagements", N(current.Engagements), N(previous.Engagements), Change(current.Engagements, previous.Engagements)),
            ("Engagement rate", PostPatterns.Percent(current.EngagementRate), PostPatterns.Percent(previous.EngagementRate), Points(current.EngagementRate, previous.EngagementRate)),
            ("Clicks", N(current.Clicks), N(previous.Clicks), Change(current.Clicks, previous.Clicks)),
            ("Followers", current.Followers is { } f ? N(f) : "–", previous.Followers is { } g ? N(g) : "–",
                current.FollowersChange is { } c ? (c >= 0 ? "+" : "") + N(c) + " in the month" : "–"),
        };
        var top = summary.Top(5);
        var insights = summary.Patterns.Select(PostPatterns.Sentence).ToList();
        var times = summary.BestTimes.Select(t => $"{t.Day} {t.Hour:00}:00 ({t.Posts} post{(t.Posts == 1 ? "" : "s")})").ToList();

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Your social media results for {name}, {workspace}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{name} against {before} (times in {summary.TimeZone}):\n");
        foreach (var (label, now, then, change) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {label}: {now} (in {before}: {then}; {change})\n");
        }

        text.Append(top.Count == 0 ? "\nNo post of the month has metrics yet.\n" : "\nTop posts:\n");
        for (var i = 0; i < top.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {Post(top[i])}\n");
        }

        if (insights.Count > 0)
        {
            text.Append("\nWhat did better:\n").Append(string.Join("", insights.Select(s => $"- {s}\n")));
        }

        if (times.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nBest times to post, from these results: {string.Join(", ", times)}.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nThe full report is attached as a PDF; the analytics page has every post: {page}\n\n")
            .Append("You get this e-mail as an admin of the workspace. Any admin can turn the monthly report off on the analytics page.\n");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933;max-width:640px\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px\">Your social media results for {E(name)}</h1><p>{E(workspace)}, against {E(before)} (times in {E(summary.TimeZone)}).</p>");
        html.Append(CultureInfo.InvariantCulture, $"<table style=\"border-collapse:collapse\"><thead><tr><th style=\"text-align:left;padding:4px 12px 4px 0\"></th><th style=\"text-align:right;padding:4px 12px\">{E(name)}</th><th style=\"text-align:right;padding:4px 12px\">{E(before)}</th><th style=\"text-align:right;padding:4px 0 4px 12px\">Change</th></tr></thead><tbody>");
        foreach (var (label, now, then, change) in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\" style=\"text-align:left;padding:4px 12px 4px 0\">{E(label)}</th><td style=\"text-align:right;padding:4px 12px\">{E(now)}</td><td style=\"text-align:right;padding:4px 12px\">{E(then)}</td><td style=\"text-align:right;padding:4px 0 4px 12px\">{E(change)}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append(top.Count == 0 ? "<p>No post of the month has metrics yet.</p>" : "<h2 style=\"font-size:16px\">Top posts</h2><ol>");
        foreach (var post in top)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(Post(post))}</li>");
        }

        html.Append(top.Count == 0 ? "" : "</ol>");
        if (insights.Count > 0)
        {
            html.Append("<h2 style=\"font-size:16px\">What did better</h2><ul>").Append(string.Join("", insights.Select(s => $"<li>{E(s)}</li>"))).Append("</ul>");
        }

        if (times.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><strong>Best times to post</strong>, from these results: {E(string.Join(", ", times))}.</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>The full report is attached as a PDF. <a href=\"{E(page.ToString())}\">Open the analytics page</a> for every post.</p>")
            .Append("<p style=\"color:#52606d;font-size:12px\">You get this e-mail as an admin of the workspace. Any admin can turn the monthly report off on the analytics page.</p></body></html>");
        return new MonthlyReportMail($"{workspace}: your social media results for {name}", text.ToString(), html.ToString());
    }

    private static string Post(ResultPost p) =>
        $"“{p.Title}” on {p.Platform.DisplayName()}, {p.Local.ToString("ddd d MMM HH:mm", En)}: {N(p.Impressions)} impressions, " +
        $"{N(p.Engagements)} engagements ({PostPatterns.Percent(p.Rate)} engagement rate)";

    private static string N(long value) => PostResultsText.Number(value);

    private static string Change(long now, long then) =>
        then == 0 ? (now == 0 ? "no change" : "new") : ((now - then) * 100.0 / then).ToString("+0;-0;0", En) + "%";

    private static string Points(double? now, double? then) =>
        now is { } a && then is { } b ? (a - b).ToString("+0.0;-0.0;0.0", En) + " points" : "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
