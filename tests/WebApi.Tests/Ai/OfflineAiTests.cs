using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Domain.Social;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;

namespace BrandAutomator.WebApi.Tests.Ai;

/// <summary>No AI key configured: every AI endpoint answers from the company's own data, the same way every time, labelled offline.</summary>
public sealed class OfflineAiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_chat_question_about_a_fact_in_one_document_cites_that_document()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        var documents = await account.UploadCorpusAsync();

        var events = await account.ChatAsync(new { companyId = company, message = "How long do customers have to return unopened bags?" });

        Assert.Equal(["session"], events.Take(1).Select(e => e.Name));
        Assert.Equal("done", events[^1].Name);
        var citations = events.Where(e => e.Name == "citation").Select(e => e.Data).ToList();
        var first = citations.First(c => c["marker"]!.GetValue<int>() == 1);
        Assert.Equal(documents[0], first["assetId"]!.GetValue<Guid>());
        Assert.Equal("returns-policy.txt", first["assetName"]!.GetValue<string>());
        Assert.Contains("45 days", first["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, first["chunkId"]!.GetValue<Guid>());
        Assert.Contains("45 days of delivery", events.Answer(), StringComparison.Ordinal);
        Assert.Contains("[1]", events.Answer(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Market_analyses_are_kept_as_a_history_newest_first()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        foreach (var focus in new[] { "home brewing", "cafés in Oslo" })
        {
            var made = await account.Client.PostAsJsonAsync("/api/v1/ai/analyze-market", new { companyId = company, focus });
            Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        }

        var history = (await account.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/market-analyses?companyId={company}"))!;
        Assert.Equal(["cafés in Oslo", "home brewing"], history.Select(a => a!["focus"]!.GetValue<string>()));
        Assert.All(history, a => Assert.True(a!["source"]!["offline"]!.GetValue<bool>()));
        Assert.NotEmpty(history[0]!["competitors"]!.AsArray().Concat(history[0]!["audienceInsights"]!.AsArray()));
        var unknown = await account.Client.GetAsync($"/api/v1/ai/market-analyses?companyId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Every_ai_endpoint_gives_the_same_labelled_offline_output_twice()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        await account.UploadCorpusAsync();

        var chats = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var events = await account.ChatAsync(new { companyId = company, message = "What do customers love about our roasts?" });
            var session = events[0].Data;
            Assert.Equal("offline", session["provider"]!.GetValue<string>());
            Assert.True(session["offline"]!.GetValue<bool>());
            Assert.Contains("Offline mode", session["note"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(events[^1].Data["offline"]!.GetValue<bool>());
            // Said once, by the note: the answer itself repeats no disclaimer and names no setting.
            Assert.DoesNotContain("Offline mode", events.Answer(), StringComparison.Ordinal);
            Assert.DoesNotContain("Ai:", events.Answer(), StringComparison.Ordinal);
            Assert.DoesNotContain("Ai:", session["note"]!.GetValue<string>(), StringComparison.Ordinal);
            chats.Add(events.Answer() + string.Join('|', events.Where(e => e.Name == "citation").Select(e => e.Data.ToJsonString())));
        }

        Assert.Equal(chats[0], chats[1]);

        foreach (var (path, body) in new (string, object)[]
                 {
                     ("/api/v1/ai/generate-brand-strategy", new { companyId = company }),
                     ("/api/v1/ai/analyze-market", new { companyId = company, focus = "home brewing" }),
                     ("/api/v1/ai/generate-posts", new { companyId = company, platforms = new[] { "x", "linkedIn", "instagram", "facebook", "googleBusiness" }, topic = "Our new seasonal roast", count = 2 }),
                 })
        {
            var runs = new List<JsonObject>();
            for (var i = 0; i < 2; i++)
            {
                var response = await account.Client.PostAsJsonAsync(path, body);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                runs.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!);
            }

            var source = runs[0]["source"]?.AsObject() ?? runs[0];
            Assert.Equal("offline", source["provider"]!.GetValue<string>());
            Assert.Contains("Offline mode", source["note"]!.GetValue<string>(), StringComparison.Ordinal);
            // The second run is the same output (served from the cache), apart from saying so; a market analysis is kept
            // as a new entry of the history each time, with its own id and time.
            string[] ignored = path.EndsWith("analyze-market", StringComparison.Ordinal) ? ["cached", "id", "createdAt"] : ["cached"];
            Assert.Equal(Without(runs[0], ignored), Without(runs[1], ignored));
        }
    }

    [Fact]
    public async Task The_offline_strategy_builds_on_the_profile_and_can_be_edited_and_accepted_into_it()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();

        var generated = await PostAsync(account, "/api/v1/ai/generate-brand-strategy", new { companyId = company }, HttpStatusCode.Created);
        var strategy = generated["strategy"]!.AsObject();
        Assert.Contains("Remote workers who brew at home", strategy["positioningStatement"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Warm, precise, a little nerdy about water temperature", strategy["voiceGuidelines"]!["tone"]!.GetValue<string>());
        Assert.InRange(strategy["values"]!.AsArray().Count, 1, 10);
        Assert.NotEmpty(strategy["taglines"]!.AsArray());
        Assert.Equal(1, generated["number"]!.GetValue<int>());

        strategy["vision"] = "Every home kitchen a great café";
        strategy["values"] = new JsonArray(new JsonObject { ["name"] = "Freshness", ["description"] = "Roasted within 48 hours of shipping" });
        var id = generated["id"]!.GetValue<Guid>();
        var edited = await (await account.Client.PutAsJsonAsync($"/api/v1/ai/brand-strategies/{id}", strategy)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(edited!["edited"]!.GetValue<bool>());

        var badEdit = strategy.DeepClone().AsObject();
        badEdit["taglines"] = new JsonArray();
        var refused = await account.Client.PutAsJsonAsync($"/api/v1/ai/brand-strategies/{id}", badEdit);
        await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await refused.ProblemAsync())["errors"]!.AsObject().ContainsKey("taglines"));

        var profile = await PostAsync(account, $"/api/v1/ai/brand-strategies/{id}/accept", null, HttpStatusCode.OK);
        Assert.Equal("Every home kitchen a great café", profile["vision"]!.GetValue<string>());
        Assert.Equal("Freshness", profile["values"]![0]!["name"]!.GetValue<string>());
        Assert.StartsWith("Warm, precise", profile["brandVoice"]!.GetValue<string>(), StringComparison.Ordinal);

        var versions = (await account.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/brand-strategies?companyId={company}"))!;
        Assert.Single(versions);
        Assert.NotNull(versions[0]!["acceptedAt"]);
    }

    [Fact]
    public async Task Market_analysis_offline_states_only_what_the_data_supports_and_asks_for_research_for_the_rest()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();

        var analysis = await PostAsync(account, "/api/v1/ai/analyze-market", new { companyId = company }, HttpStatusCode.OK);

        var findings = new[] { "competitors", "positioningOpportunities", "audienceInsights", "risks" }
            .SelectMany(section => analysis[section]!.AsArray().Select(f => f!.AsObject())).ToList();
        Assert.NotEmpty(analysis["competitors"]!.AsArray());
        Assert.All(analysis["competitors"]!.AsArray(), c => Assert.True(c!["needsResearch"]!.GetValue<bool>()));
        foreach (var finding in findings)
        {
            var basis = finding["basedOn"]!.AsArray();
            // Nothing without a basis is presented as a fact.
            Assert.True(basis.Count > 0 || (finding["inference"]!.GetValue<bool>() && finding["needsResearch"]!.GetValue<bool>()), finding.ToJsonString());
        }

        var audience = analysis["audienceInsights"]!.AsArray().First(f => f!["basedOn"]!.AsArray().Any(b => b!["field"]?.GetValue<string>() == "targetAudience"))!;
        Assert.False(audience["inference"]!.GetValue<bool>());
        Assert.Contains("Remote workers who brew at home", audience["statement"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_drafts_fit_each_platform_and_carry_the_brand()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        var limits = new Dictionary<string, int> { ["x"] = 280, ["linkedIn"] = 3000, ["instagram"] = 2200, ["facebook"] = 63206, ["googleBusiness"] = 1500 };

        var posts = await PostAsync(account, "/api/v1/ai/generate-posts",
            new { companyId = company, platforms = limits.Keys, topic = "Why fresh beans taste better " + new string('!', 300), count = 3 }, HttpStatusCode.OK);

        var platforms = posts["platforms"]!.AsArray();
        Assert.Equal(limits.Keys, platforms.Select(p => p!["platform"]!.GetValue<string>()));
        foreach (var platform in platforms)
        {
            var max = limits[platform!["platform"]!.GetValue<string>()];
            Assert.Equal(max, platform["maxLength"]!.GetValue<int>());
            Assert.Equal(3, platform["drafts"]!.AsArray().Count);
            Assert.All(platform["drafts"]!.AsArray(), d =>
            {
                var text = d!["text"]!.GetValue<string>();
                // As each network counts: X weighs links, emoji and some punctuation (the ellipsis of a shortened draft).
                var length = platform["platform"]!.GetValue<string>() == "x" ? XText.WeightedLength(text) : text.EnumerateRunes().Count();
                Assert.InRange(length, 1, max);
                Assert.Equal(length, d["length"]!.GetValue<int>());
            });
        }

        var invalid = await account.Client.PostAsJsonAsync("/api/v1/ai/generate-posts", new { companyId = company, platforms = Array.Empty<string>(), topic = "", count = 9 });
        await invalid.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await invalid.ProblemAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("platforms") && errors.ContainsKey("topic") && errors.ContainsKey("count"), errors.ToJsonString());
    }

    [Fact]
    public async Task Sessions_keep_the_conversation_and_can_be_renamed_and_deleted_by_their_owner_only()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        await account.UploadCorpusAsync();

        var first = await account.ChatAsync(new { companyId = company, message = "How long do customers have to return unopened bags?" });
        var sessionId = first[0].Data["sessionId"]!.GetValue<Guid>();
        var second = await account.ChatAsync(new { sessionId, message = "And what about opened bags?" });
        Assert.Equal(sessionId, second[0].Data["sessionId"]!.GetValue<Guid>());

        var sessions = (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/ai/sessions"))!;
        Assert.Equal(sessionId, sessions.Single()!["id"]!.GetValue<Guid>());
        Assert.Equal("How long do customers have to return unopened bags?", sessions[0]!["title"]!.GetValue<string>());

        var messages = (await account.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/sessions/{sessionId}/messages"))!;
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m!["author"]!.GetValue<string>()));
        Assert.Equal(first.Answer(), messages[1]!["content"]!.GetValue<string>());
        Assert.Equal(first[^1].Data["messageId"]!.GetValue<Guid>(), messages[1]!["id"]!.GetValue<Guid>());
        Assert.NotEmpty(messages[1]!["citations"]!.AsArray());
        Assert.Equal("complete", messages[1]!["state"]!.GetValue<string>());

        // Another member of the same tenant does not see, rename or delete it.
        var colleague = await TeamHelpers.InviteAndAcceptAsync(factory, account, "viewer");
        Assert.Empty((await colleague.Client.GetFromJsonAsync<JsonArray>("/api/v1/ai/sessions"))!);
        await (await colleague.Client.DeleteAsync($"/api/v1/ai/sessions/{sessionId}")).EnsureStatusAsync(HttpStatusCode.NotFound);

        var renamed = await account.Client.PatchAsJsonAsync($"/api/v1/ai/sessions/{sessionId}", new { title = "Returns policy" });
        Assert.Equal("Returns policy", (await renamed.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());

        await (await account.Client.DeleteAsync($"/api/v1/ai/sessions/{sessionId}")).EnsureStatusAsync(HttpStatusCode.NoContent);
        await (await account.Client.GetAsync($"/api/v1/ai/sessions/{sessionId}/messages")).EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM tenant_{account.TenantId:N}.chat_messages"));
    }

    [Fact]
    public async Task Viewers_may_chat_but_only_editors_generate()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, account, "viewer");

        var events = await viewer.ChatAsync(new { companyId = company, message = "What is our brand voice?" });
        Assert.Equal("done", events[^1].Name);
        Assert.Contains("Warm, precise", events.Answer(), StringComparison.Ordinal);

        foreach (var path in new[] { "/api/v1/ai/generate-brand-strategy", "/api/v1/ai/analyze-market" })
        {
            await (await viewer.Client.PostAsJsonAsync(path, new { companyId = company })).EnsureStatusAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task An_unknown_company_or_session_is_refused_before_anything_streams()
    {
        var account = await factory.RegisterAsync();

        using var unknownCompany = await account.StartChatAsync(new { companyId = Guid.NewGuid(), message = "Hello" });
        using var unknownSession = await account.StartChatAsync(new { sessionId = Guid.NewGuid(), message = "Hello" });
        using var empty = await account.StartChatAsync(new { message = "" });

        await unknownCompany.EnsureStatusAsync(HttpStatusCode.NotFound);
        await unknownSession.EnsureStatusAsync(HttpStatusCode.NotFound);
        await empty.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", unknownCompany.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonObject> PostAsync(Account account, string path, object? body, HttpStatusCode expected)
    {
        var response = await account.Client.PostAsJsonAsync(path, body);
        await response.EnsureStatusAsync(expected);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string Without(JsonObject value, params string[] properties)
    {
        var copy = value.DeepClone().AsObject();
        foreach (var property in properties)
        {
            copy.Remove(property);
            if (copy["source"] is JsonObject source)
            {
                source.Remove(property);
            }
        }

        return copy.ToJsonString();
    }
}
