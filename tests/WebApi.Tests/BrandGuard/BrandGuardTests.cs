using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.BrandGuard;

/// <summary>The brand guard end to end: real uploads and processing, rules read from the documents, checks, the scheduling gate.</summary>
public sealed class BrandGuardTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Guide = """
        # Pedal & Pine brand guide

        ## Tone of voice

        We sound like a patient guide on a forest trail: warm, plain and practical, never pushy.

        ## Words we avoid

        Never use these words in anything we publish:

        - "cheap" (say "affordable" or give the price)
        - "epic"

        ## Hashtags

        Every post carries #PedalAndPine. Use at most two hashtags on X.

        ## Names

        Pedal & Pine was started by Marta Kowalczyk in Bergen.
        """;

    private const string Prices = """
        # Price list 2026

        | Service | Price |
        | --- | --- |
        | Full service | £119 |
        | Puncture repair | £14 |
        """;

    private const string OldPrices = """
        # Price list 2024 (superseded)

        | Service | Price |
        | --- | --- |
        | Full service | £95 |
        | Puncture repair | £11 |
        """;

    private const string OldManual = """
        # Brand manual 2019

        ## Words we avoid

        - "superb"
        """;

    [Fact]
    public async Task Rules_are_read_from_current_documents_with_their_source_and_archived_ones_do_not_count()
    {
        var (account, ids) = await UploadAsync(null, ("guide.md", Guide), ("manual-2019.md", OldManual));
        await (await account.Client.PostAsJsonAsync($"/api/v1/assets/{ids[1]}/archive", new { supersededBy = ids[0] })).EnsureStatusAsync(HttpStatusCode.OK);

        var rules = await RulesAsync(account);

        var cheap = Rule(rules, "bannedWord", "cheap");
        Assert.Equal("affordable", cheap["suggestion"]!.GetValue<string>());
        Assert.Equal(ids[0], cheap["source"]!["assetId"]!.GetValue<Guid>());
        Assert.Contains("cheap", cheap["source"]!["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(Rule(rules, "bannedWord", "epic"));
        Assert.NotNull(Rule(rules, "hashtag", "#PedalAndPine"));
        Assert.Equal(2, Rule(rules, "hashtagLimit", "At most 2 hashtags")["limit"]!.GetValue<int>());
        Assert.NotNull(Rule(rules, "name", "Marta Kowalczyk"));
        Assert.Contains(rules, r => r!["kind"]!.GetValue<string>() == "tone");
        Assert.DoesNotContain(rules, r => r!["term"]!.GetValue<string>() == "superb");

        // Editing the archived manual (renaming it) changes nothing; a new current guideline that bans a word adds a rule.
        await (await account.Client.PatchAsJsonAsync($"/api/v1/assets/{ids[1]}", new { name = "Old manual, renamed" })).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(rules.Count, (await RulesAsync(account)).Count);
        var more = await (await account.UploadAsync(("addendum.md", SampleFiles.Text("# Guide addendum\n\n## Words we avoid\n\n- \"awesome\" (say \"good\")\n")))).AssetIdsAsync();
        await account.WaitProcessedAsync(more[0], TimeSpan.FromMinutes(3));
        var awesome = Rule(await RulesAsync(account), "bannedWord", "awesome");
        Assert.Equal(more[0], awesome["source"]!["assetId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_rule_the_team_switched_off_stays_off_when_the_documents_are_read_again_and_team_rules_apply()
    {
        var (account, _) = await UploadAsync(null, ("guide.md", Guide));
        var cheap = Rule(await RulesAsync(account), "bannedWord", "cheap");
        var off = await account.Client.PutAsJsonAsync($"/api/v1/brand-guard/rules/{cheap["id"]}", new { term = "cheap", suggestion = "affordable", enabled = false });
        await off.EnsureStatusAsync(HttpStatusCode.OK);
        var added = await account.Client.PostAsJsonAsync("/api/v1/brand-guard/rules", new { kind = "bannedWord", term = "insane", suggestion = "remarkable" });
        await added.EnsureStatusAsync(HttpStatusCode.Created);

        var more = await (await account.UploadAsync(("addendum.md", SampleFiles.Text("# Addendum\n\n## Words we avoid\n\n- \"awesome\"\n")))).AssetIdsAsync();
        await account.WaitProcessedAsync(more[0], TimeSpan.FromMinutes(3));
        var rules = await RulesAsync(account);

        Assert.False(Rule(rules, "bannedWord", "cheap")["enabled"]!.GetValue<bool>());
        Assert.True(Rule(rules, "bannedWord", "cheap")["editedByTeam"]!.GetValue<bool>());
        var check = await CheckAsync(account, "x", "A cheap and insane deal. #PedalAndPine");
        var finding = Assert.Single(Findings(check, "bannedWord"));
        Assert.Equal("insane", finding["excerpt"]!.GetValue<string>());
        Assert.Equal("remarkable", finding["fix"]!["replacement"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_banned_word_and_an_old_price_are_found_with_their_sources_and_the_one_click_fixes_clear_them()
    {
        var (account, ids) = await UploadAsync(null, ("guide.md", Guide), ("prices-2026.md", Prices), ("prices-2024.md", OldPrices));
        await (await account.Client.PostAsJsonAsync($"/api/v1/assets/{ids[2]}/archive", new { supersededBy = ids[1] })).EnsureStatusAsync(HttpStatusCode.OK);
        var text = "Cheap full service, now £95 at Pedal & Pine. #PedalAndPine";

        var check = await CheckAsync(account, "linkedIn", text);

        var banned = Assert.Single(Findings(check, "bannedWord"));
        Assert.Equal(ids[0], banned["source"]!["assetId"]!.GetValue<Guid>());
        Assert.Equal("high", banned["severity"]!.GetValue<string>());
        var price = Assert.Single(Findings(check, "contradictedClaim"));
        Assert.Equal(ids[1], price["source"]!["assetId"]!.GetValue<Guid>());
        Assert.Contains("£119", price["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(check["blocking"]!.GetValue<bool>());

        foreach (var fix in new[] { banned, price }.Select(f => f["fix"]!).OrderByDescending(f => f["start"]!.GetValue<int>()))
        {
            text = text[..fix["start"]!.GetValue<int>()] + fix["replacement"]!.GetValue<string>() + text[(fix["start"]!.GetValue<int>() + fix["length"]!.GetValue<int>())..];
        }

        Assert.Equal("Affordable full service, now £119 at Pedal & Pine. #PedalAndPine", text);
        var again = await CheckAsync(account, "linkedIn", text);
        Assert.Empty(Findings(again, "bannedWord"));
        Assert.Empty(Findings(again, "contradictedClaim"));
        Assert.Empty(Findings(again, "unsupportedClaim"));
    }

    [Fact]
    public async Task A_check_judges_figures_by_the_documents_as_they_are_now_after_an_archive_and_a_restore()
    {
        var (account, ids) = await UploadAsync(null, ("guide.md", Guide), ("prices-2026.md", Prices), ("prices-2024.md", OldPrices));
        const string Text = "Full service, now £95 at Pedal & Pine. #PedalAndPine";

        // Both lists are current: the old one still supports £95 (the statements are read and kept for the next checks).
        Assert.Empty(Findings(await CheckAsync(account, "linkedIn", Text), "contradictedClaim"));

        await (await account.Client.PostAsJsonAsync($"/api/v1/assets/{ids[2]}/archive", new { supersededBy = ids[1] })).EnsureStatusAsync(HttpStatusCode.OK);
        var archived = Assert.Single(Findings(await CheckAsync(account, "linkedIn", Text), "contradictedClaim"));
        Assert.Contains("archived", archived["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ids[1], archived["source"]!["assetId"]!.GetValue<Guid>());

        await (await account.Client.PostAsync($"/api/v1/assets/{ids[2]}/restore", null)).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Empty(Findings(await CheckAsync(account, "linkedIn", Text), "contradictedClaim"));
    }

    [Fact]
    public async Task Names_hashtags_and_unsupported_figures_are_found_per_network()
    {
        var (account, _) = await UploadAsync(null, ("guide.md", Guide), ("prices-2026.md", Prices));

        var check = await CheckAsync(account, "x", "Marta Kowalczik says puncture repair is £14 and gift cards start at £50. #Bikes #Bergen");

        Assert.Equal("Marta Kowalczyk", Assert.Single(Findings(check, "name"))["fix"]!["replacement"]!.GetValue<string>());
        Assert.Contains("#PedalAndPine", Assert.Single(Findings(check, "missingHashtag"))["fix"]!["replacement"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("£50", Assert.Single(Findings(check, "unsupportedClaim"))["excerpt"]!.GetValue<string>());
        Assert.Empty(Findings(check, "contradictedClaim"));
        var more = await CheckAsync(account, "x", "Rides this weekend. #PedalAndPine #Bergen #Bikes");
        Assert.Single(Findings(more, "tooManyHashtags"));
        Assert.Empty(Findings(await CheckAsync(account, "instagram", "Rides this weekend. #PedalAndPine #Bergen #Bikes"), "tooManyHashtags"));
    }

    [Fact]
    public async Task Scheduling_a_blocked_post_needs_an_admin_who_confirms_and_the_confirmation_is_audited()
    {
        var (admin, _) = await UploadAsync(null, ("guide.md", Guide));
        // Posts are only scheduled to networks with a working account.
        await ConnectAsync(admin, "linkedIn");
        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");
        var id = await CreatePostAsync(editor, "linkedIn", "An epic ride this Sunday. #PedalAndPine", title: "Sunday ride");
        var at = DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await ScheduleAsync(editor, id, DateTimeOffset.UtcNow.AddDays(2));
        await refused.EnsureStatusAsync(HttpStatusCode.Conflict);
        var problem = await refused.ProblemAsync();
        Assert.Equal("brandGuard", problem["blockedBy"]!.GetValue<string>());
        Assert.Contains("epic", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var byEditor = await editor.Client.PostAsJsonAsync("/api/v1/automation/schedule-content", new { items = new[] { new { id, at } }, confirmBrandFindings = true });
        await byEditor.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal("draft", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());

        var byAdmin = await admin.Client.PostAsJsonAsync("/api/v1/automation/schedule-content", new { items = new[] { new { id, at } }, confirmBrandFindings = true });

        await byAdmin.EnsureStatusAsync(HttpStatusCode.OK);
        var log = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/{admin.TenantId}/audit-log"))!["items"]!.AsArray();
        var entry = Assert.Single(log, e => e!["type"]!.GetValue<string>() == "BrandGuardOverridden");
        Assert.Contains("Sunday ride", entry!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // With nothing blocking, the same kind of post schedules without a confirmation.
        await (await admin.Client.PutAsJsonAsync("/api/v1/brand-guard/settings", new { blockingSeverities = Array.Empty<string>() })).EnsureStatusAsync(HttpStatusCode.OK);
        var second = await CreatePostAsync(editor, "linkedIn", "Another epic ride. #PedalAndPine", title: "Next ride");
        await (await ScheduleAsync(editor, second, DateTimeOffset.UtcNow.AddDays(3))).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field()
    {
        var account = await factory.RegisterAsync();

        var empty = await account.Client.PostAsJsonAsync("/api/v1/brand-guard/check", new { variants = Array.Empty<object>() });
        await empty.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await empty.ProblemAsync())["errors"]!["Variants"] ?? (await empty.ProblemAsync())["errors"]!["variants"]);
        var hashtag = await account.Client.PostAsJsonAsync("/api/v1/brand-guard/rules", new { kind = "hashtag", term = "NoHash" });
        await hashtag.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, account, "viewer");
        await (await viewer.Client.PostAsJsonAsync("/api/v1/brand-guard/rules", new { kind = "bannedWord", term = "x" })).EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await account.Client.GetAsync($"/api/v1/brand-guard/content/{Guid.NewGuid()}")).EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    private async Task<(Account Account, List<Guid> Ids)> UploadAsync(Account? account, params (string Name, string Text)[] files)
    {
        account ??= await factory.RegisterAsync();
        var ids = await (await account.UploadAsync(files.Select(f => (f.Name, SampleFiles.Text(f.Text))).ToArray())).AssetIdsAsync();
        foreach (var id in ids)
        {
            Assert.Equal("ready", (await account.WaitProcessedAsync(id, TimeSpan.FromMinutes(3)))["state"]!.GetValue<string>());
        }

        return (account, ids);
    }

    private static async Task<JsonArray> RulesAsync(Account account) =>
        (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/brand-guard/rules"))!;

    private static JsonNode Rule(JsonArray rules, string kind, string term) =>
        rules.SingleOrDefault(r => r!["kind"]!.GetValue<string>() == kind && r["term"]!.GetValue<string>() == term)
        ?? throw new Xunit.Sdk.XunitException($"No {kind} rule '{term}' among: {string.Join(", ", rules.Select(r => $"{r!["kind"]}:{r["term"]}"))}");

    private static async Task<JsonObject> CheckAsync(Account account, string platform, string text)
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/brand-guard/check", new { variants = new[] { new { platform, text } }, tone = false });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<JsonNode> Findings(JsonObject check, string kind) =>
        check["variants"]![0]!["findings"]!.AsArray().Where(f => f!["kind"]!.GetValue<string>() == kind).Select(f => f!).ToList();
}
