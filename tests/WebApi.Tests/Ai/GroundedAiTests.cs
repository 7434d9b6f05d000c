using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Ai;

/// <summary>
/// Offline, the chat and the generators answer from the company's own documents: they abstain when nothing bears on a
/// question, and take the values, colours, words to avoid, competitors and hashtags the documents state, citing them.
/// </summary>
public sealed class GroundedAiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string BrandGuide = """
        # Northwind brand guide

        ## Brand values

        Our brand values are Freshness, Transparency and Hospitality.

        ## Tone of voice

        Our tone of voice is warm and precise, like a barista who knows your usual order.

        ## Words to avoid

        Never use these words in anything we publish:

        - "cheap" (say "good value" instead)
        - "artisanal"

        ## Brand colours

        Our brand colours are Roast Brown #6B3E26 and Crema #F3E5C8.
        """;

    private const string SocialPolicy = """
        # Social media policy

        Every post on social media carries our hashtags #NorthwindBrews and #FreshFromTheRoaster.

        We answer comments within one working day.
        """;

    private const string Competitors = """
        # Competitor overview

        The competitors we meet most often in home-brewing subscriptions:

        - Bean Bros: a national subscription with weekly deliveries and discounts for the first box.
        - Kettle & Crow: a local roaster selling at farmers' markets.
        """;

    private const string SeasonalRoast = """
        # Seasonal roast

        The winter seasonal roast is a Colombian Huila, roasted medium, with notes of red apple and panela. It is never cheap filler coffee.
        """;

    [Fact]
    public async Task An_unanswerable_question_gets_no_citation_and_says_the_documents_do_not_cover_it()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        await account.UploadCorpusAsync();

        var events = await account.ChatAsync(new { companyId = company, message = "What pension scheme do we offer?" });

        Assert.Equal("done", events[^1].Name);
        Assert.DoesNotContain(events, e => e.Name == "citation");
        Assert.Equal(0, events[^1].Data["citations"]!.GetValue<int>());
        var answer = events.Answer();
        Assert.Contains("Your documents do not cover this", answer, StringComparison.Ordinal);
        Assert.Contains("upload your HR or team handbook", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("[1]", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_about_the_subject_of_a_document_that_it_does_not_answer_gets_no_citation()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        await account.UploadDocumentsAsync(("social-media-policy.md", """
            # Social media policy

            We post on Instagram and LinkedIn at most once a day. Every post carries #Northwind and #BrewAtHome.
            Comments and direct messages are answered within 24 hours on working days.
            """));

        foreach (var question in new[]
                 {
                     "How many followers does our TikTok account have?", "How many people follow us on Instagram?",
                     "What is our social media advertising budget for next year?",
                 })
        {
            var events = await account.ChatAsync(new { companyId = company, message = question });
            Assert.Equal("done", events[^1].Name);
            Assert.DoesNotContain(events, e => e.Name == "citation");
            Assert.Contains("Your documents do not cover this", events.Answer(), StringComparison.Ordinal);
        }

        var answered = await account.ChatAsync(new { companyId = company, message = "Which hashtags must every Instagram post carry?" });
        Assert.Contains(answered, e => e.Name == "citation");
        Assert.DoesNotContain("Your documents do not cover this", answered.Answer(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_strategy_draft_takes_the_values_colours_and_words_to_avoid_from_an_uploaded_guide_and_cites_it()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        await account.UploadDocumentsAsync(("brand-guide.md", BrandGuide), ("returns-policy.txt", "Returns. Unopened bags are refunded within 45 days."));

        var response = await account.Client.PostAsJsonAsync("/api/v1/ai/generate-brand-strategy", new { companyId = company });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var version = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var strategy = version["strategy"]!.AsObject();

        Assert.Equal(["Freshness", "Transparency", "Hospitality"], strategy["values"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
        Assert.Contains("#6B3E26", strategy["colours"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains(strategy["voiceGuidelines"]!["avoid"]!.AsArray(), a => a!.GetValue<string>().Contains("cheap", StringComparison.Ordinal));
        // The profile's own voice stays the tone.
        Assert.Equal("Warm, precise, a little nerdy about water temperature", strategy["voiceGuidelines"]!["tone"]!.GetValue<string>());
        var sources = strategy["sources"]!.AsArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Equal("brand-guide.md", s!["assetName"]!.GetValue<string>()));

        // An edit cannot change what the draft was based on, and accepting it gives the company the guide's colours.
        strategy["sources"] = new JsonArray();
        var edited = await account.Client.PutAsJsonAsync($"/api/v1/ai/brand-strategies/{version["id"]}", strategy);
        await edited.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(sources.Count, (await edited.Content.ReadFromJsonAsync<JsonObject>())!["strategy"]!["sources"]!.AsArray().Count);
        var accepted = await account.Client.PostAsync($"/api/v1/ai/brand-strategies/{version["id"]}/accept", null);
        await accepted.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("#6B3E26", (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["brandColours"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Market_analysis_names_the_competitors_a_document_names_and_cites_it()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        await account.UploadDocumentsAsync(("competitors.md", Competitors));

        var response = await account.Client.PostAsJsonAsync("/api/v1/ai/analyze-market", new { companyId = company });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var competitors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["competitors"]!.AsArray();

        foreach (var name in new[] { "Bean Bros", "Kettle & Crow" })
        {
            var finding = competitors.Single(c => c!["statement"]!.GetValue<string>().StartsWith(name, StringComparison.Ordinal))!;
            Assert.False(finding["needsResearch"]!.GetValue<bool>());
            Assert.Equal("competitors.md", finding["basedOn"]![0]!["passage"]!["assetName"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Post_drafts_carry_the_prescribed_hashtags_avoid_banned_words_and_cite_their_sources()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        await account.UploadDocumentsAsync(("social-media-policy.md", SocialPolicy), ("brand-guide.md", BrandGuide), ("seasonal-roast.md", SeasonalRoast));

        var response = await account.Client.PostAsJsonAsync("/api/v1/ai/generate-posts",
            new { companyId = company, platforms = new[] { "x", "linkedIn", "instagram" }, topic = "The winter seasonal roast", count = 2 });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var posts = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var drafts = posts["platforms"]!.AsArray().SelectMany(p => p!["drafts"]!.AsArray().Select(d => d!["text"]!.GetValue<string>())).ToList();
        Assert.Equal(6, drafts.Count);
        Assert.All(drafts, text =>
        {
            Assert.Contains("#NorthwindBrews", text, StringComparison.Ordinal);
            Assert.Contains("#FreshFromTheRoaster", text, StringComparison.Ordinal);
            Assert.DoesNotContain("cheap", text, StringComparison.OrdinalIgnoreCase);
            // A fact, never a document's paragraph pasted whole.
            Assert.DoesNotContain(SeasonalRoast.Split('\n')[2].Trim(), text, StringComparison.Ordinal);
        });
        Assert.Contains(posts["sources"]!.AsArray(), s => s!["assetName"]!.GetValue<string>() == "social-media-policy.md");
    }
}
