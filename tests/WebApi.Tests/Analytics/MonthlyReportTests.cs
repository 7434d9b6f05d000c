using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using MimeKit;
using static BrandAutomator.WebApi.Tests.Tenants.TeamHelpers;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>30 November 2026, 23:30 in Berlin: half an hour before the month turns there.</summary>
public sealed class MonthlyReportFactory() : InsightsFactory(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero));

/// <summary>
/// The monthly e-mail report: sent by the clustered job once the 1st has begun in the workspace's zone, one mail per
/// admin with last month against the month before, the top posts and the PDF, never twice, and not at all when off.
/// </summary>
public sealed class MonthlyReportTests(MonthlyReportFactory factory) : IClassFixture<MonthlyReportFactory>
{
    private static DateTimeOffset Berlin(int month, int day, int hour) =>
        new DateTimeOffset(2026, month, day, hour, 0, 0, InsightsFactory.Berlin.GetUtcOffset(new DateTime(2026, month, day, hour, 0, 0))).ToUniversalTime();

    private List<MimeMessage> Reports(string to) => !Directory.Exists(factory.OutboxDirectory)
        ? []
        : Directory.GetFiles(factory.OutboxDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? "").Contains("social media results", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public async Task Each_admin_gets_one_report_when_the_month_turns_in_the_workspace_zone_none_twice_and_none_when_off()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        var second = await InviteAndAcceptAsync(factory, admin, "admin");
        var editor = await InviteAndAcceptAsync(factory, admin, "editor");
        await factory.ResultAsync(admin, "linkedIn", "Roastery tour", "Step inside our roastery.", Berlin(11, 3, 9), 1240, 50, 10, 4, 12, image: true);
        await factory.ResultAsync(admin, "linkedIn", "Price update", "New prices from December.", Berlin(11, 17, 16), 800, 10, 2, 0, 4);
        await factory.ResultAsync(admin, "linkedIn", "Brew guide", "Our pour-over guide.", Berlin(10, 20, 9), 900, 20, 5, 2, 5);

        var quiet = await factory.BerlinWorkspaceAsync();
        await factory.ResultAsync(quiet, "linkedIn", "Quiet post", "Hello.", Berlin(11, 5, 9), 100, 5, 0, 0, 1);
        var off = await quiet.Client.PutAsJsonAsync("/api/v1/analytics/monthly-report", new { enabled = false });
        await off.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.False((await off.Content.ReadFromJsonAsync<JsonObject>())!["enabled"]!.GetValue<bool>());

        var setting = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/analytics/monthly-report"))!;
        Assert.True(setting["enabled"]!.GetValue<bool>());
        Assert.True(setting["isDefault"]!.GetValue<bool>());
        Assert.Equal("2026-12-01", setting["nextReportOn"]!.GetValue<string>());

        // 23:30 on 30 November in Berlin: not yet.
        await factory.RunMonthlyReportJobAsync();
        Assert.Empty(Reports(admin.Email));

        // 00:30 on 1 December in Berlin (23:30 UTC, still November there).
        factory.Time.Advance(TimeSpan.FromHours(1));
        await factory.RunMonthlyReportJobAsync();

        var mail = Assert.Single(Reports(admin.Email));
        Assert.Single(Reports(second.Email));
        Assert.Empty(Reports(editor.Email));
        Assert.Empty(Reports(quiet.Email));
        Assert.Equal("Acme Brands: your social media results for November 2026", mail.Subject);
        var text = mail.TextBody;
        Assert.Contains("November 2026 against October", text, StringComparison.Ordinal);
        Assert.Contains("- Posts published: 2 (in October: 1; +100%)", text, StringComparison.Ordinal);
        Assert.Contains("- Impressions: 2,040 (in October: 900; +127%)", text, StringComparison.Ordinal);
        Assert.Contains("1. “Roastery tour” on LinkedIn, Tue 3 Nov 09:00: 1,240 impressions, 76 engagements (6.1% engagement rate)", text, StringComparison.Ordinal);
        Assert.Contains("/app/analytics?from=2026-11-01&to=2026-11-30", text, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" style=\"text-align:left;padding:4px 12px 4px 0\">Impressions</th><td style=\"text-align:right;padding:4px 12px\">2,040</td>",
            mail.HtmlBody ?? "", StringComparison.Ordinal);
        var pdf = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("analytics-2026-11.pdf", pdf.FileName);
        using (var content = new MemoryStream())
        {
            await pdf.Content!.DecodeToAsync(content);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(content.ToArray(), 0, 4), StringComparison.Ordinal);
        }

        // Later runs of the day, and a new job after a restart, find the month sent.
        factory.Time.Advance(TimeSpan.FromHours(5));
        await factory.RunMonthlyReportJobAsync();
        await factory.RunMonthlyReportJobAsync();
        Assert.Single(Reports(admin.Email));
        Assert.Single(Reports(second.Email));
        Assert.Equal(2, await factory.CountAsync($"SELECT count(*) FROM \"tenant_{admin.TenantId:N}\".monthly_report_deliveries WHERE month = '2026-11' AND sent_at IS NOT NULL"));

        // Hours later the access token has expired: sign in again.
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = admin.Password });
        var again = await factory.AccountFromAsync(login, admin.Email, admin.Password);
        var after = (await again.Client.GetFromJsonAsync<JsonObject>("/api/v1/analytics/monthly-report"))!;
        Assert.Equal("2026-11", after["lastReportedMonth"]!.GetValue<string>());
        Assert.Equal("2027-01-01", after["nextReportOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_admins_change_the_setting_and_a_missing_value_is_named()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        var editor = await InviteAndAcceptAsync(factory, admin, "editor");

        var refused = await editor.Client.PutAsJsonAsync("/api/v1/analytics/monthly-report", new { enabled = false });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var missing = await admin.Client.PutAsJsonAsync("/api/v1/analytics/monthly-report", new { });
        await missing.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = (await missing.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["enabled"]);

        Assert.True((await editor.Client.GetFromJsonAsync<JsonObject>("/api/v1/analytics/monthly-report"))!["enabled"]!.GetValue<bool>());
    }
}
