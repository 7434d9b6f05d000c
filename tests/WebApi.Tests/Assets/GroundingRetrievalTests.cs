using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Assets;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Assets;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.WebApi.Tests.Assets;

/// <summary>The hybrid retriever end to end: real uploads, real processing (MiniLM embeddings), real PostgreSQL.</summary>
public sealed class GroundingRetrievalTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Sustainability = """
        # Sustainability report

        ## Footprint

        The carbon footprint per kayak is 42 kg CO2e, measured across materials, manufacturing and shipping to the customer.

        ## Packaging

        Every paddle ships in recycled cardboard without plastic film.
        """;

    private const string Prices = """
        # Price list 2025

        All prices include VAT and free shipping within Norway.

        | Model | Length | Price |
        | --- | --- | --- |
        | Fjord 380 touring kayak | 380 cm | €990 |
        | Fjord 430 touring kayak | 430 cm | €1,290 |
        | Fjord 510 expedition kayak | 510 cm | €1,590 |
        | Carbon paddle | 220 cm | €189 |
        """;

    private const string BrandGuide = """
        # Brand guide

        ## Colours

        Our primary colour is Fjord Blue (#1A4E8A); the secondary is Sand (#E8D8B0). Neon green is never used.

        ## Voice

        We write calmly and plainly, like a guide at the water's edge: no hype and no exclamation marks.
        """;

    private const string OldPrices = """
        # Price list 2023 (superseded by the 2025 price list)

        | Model | Price |
        | --- | --- |
        | Fjord 430 touring kayak | €1,090 |
        """;

    [Fact]
    public async Task A_paraphrase_with_no_shared_content_word_finds_its_passage()
    {
        var (account, ids) = await UploadAsync(("sustainability.md", Sustainability), ("prices.md", Prices), ("brand-guide.md", BrandGuide));

        var passages = await FindAsync(account, "What are the emissions per boat?");

        Assert.NotEmpty(passages);
        Assert.Equal(ids[0], passages[0].AssetId);
        Assert.Contains("carbon footprint per kayak", passages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Sustainability report › Footprint", passages[0].Heading);
        Assert.InRange(passages[0].Relevance, 0.01, 1);
    }

    [Fact]
    public async Task A_table_row_with_a_price_comes_back_whole_with_its_header()
    {
        var (account, ids) = await UploadAsync(("sustainability.md", Sustainability), ("prices.md", Prices), ("brand-guide.md", BrandGuide));

        var passages = await FindAsync(account, "How much does the Fjord 430 cost?");

        Assert.Equal(ids[1], passages[0].AssetId);
        var lines = passages[0].Text.Split('\n');
        Assert.Contains("| Fjord 430 touring kayak | 430 cm | €1,290 |", lines);
        Assert.Contains("| Model | Length | Price |", lines);
    }

    [Fact]
    public async Task A_heading_word_finds_the_passage_under_that_heading()
    {
        var (account, ids) = await UploadAsync(("sustainability.md", Sustainability), ("prices.md", Prices), ("brand-guide.md", BrandGuide));

        var hits = (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/ai/search-files?q=colours"))!;

        Assert.Equal(ids[2], hits[0]!["assetId"]!.GetValue<Guid>());
        Assert.Equal("Brand guide › Colours", hits[0]!["heading"]!.GetValue<string>());
        Assert.Equal("current", hits[0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Natural_language_questions_find_the_document_in_search_files()
    {
        var (account, ids) = await UploadAsync(("sustainability.md", Sustainability), ("prices.md", Prices), ("brand-guide.md", BrandGuide));

        foreach (var (question, expected) in new[]
                 {
                     ("which hex colour is our primary brand colour?", 2), ("how should our posts sound?", 2),
                     ("what packaging do we use for paddles", 0), ("price of the expedition kayak", 1),
                 })
        {
            var hits = (await account.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/search-files?q={Uri.EscapeDataString(question)}"))!;
            Assert.True(hits.Count > 0, $"No hit for '{question}'.");
            Assert.Equal(ids[expected], hits[0]!["assetId"]!.GetValue<Guid>());
        }
    }

    private const string Faq = """
        Frequently asked questions

        What should I wear?
        Clothes you can move in, made of wool or synthetics, not cotton, and a spare layer. We lend waterproof jackets.

        Can I bring my dog?
        Sorry, we cannot take dogs or other pets in the kayaks.

        Where can I park?
        There is no parking at the boathouse. The car park is 300 metres away, or take the light rail.
        """;

    [Fact]
    public async Task A_passage_whose_one_sentence_answers_a_paraphrase_is_found_for_an_answer()
    {
        // The FAQ as a whole is about clothes, dogs and parking; only one sentence answers, in other words.
        var (account, ids) = await UploadAsync(("faq.txt", Faq), ("prices.md", Prices));

        var found = await FindAsync(account, "Can guests bring their pets along?");

        Assert.Equal(ids[0], Assert.Single(found).AssetId);
        Assert.Empty(await FindAsync(account, "What is the capital of France?"));
    }

    [Fact]
    public async Task Unrelated_questions_find_nothing()
    {
        var (account, _) = await UploadAsync(("sustainability.md", Sustainability), ("prices.md", Prices), ("brand-guide.md", BrandGuide));

        foreach (var question in new[]
                 {
                     "What is the capital of France?", "Give me a recipe for chocolate cake", "How do I reset my router password?",
                     "What is the weather tomorrow in Madrid?", "Who won the football world cup in 2018?", "What is our employee parental leave policy?",
                 })
        {
            Assert.Empty(await FindAsync(account, question));
            var hits = (await account.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/search-files?q={Uri.EscapeDataString(question)}"))!;
            Assert.Empty(hits);
        }
    }

    [Fact]
    public async Task An_archived_document_is_not_used_for_grounding_by_default_but_is_found_labelled_in_search()
    {
        var (account, ids) = await UploadAsync(("prices.md", Prices), ("old-prices.md", OldPrices));
        var old = await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/assets/{ids[1]}");
        Assert.Contains("superseded", old!["archiveSuggestion"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        var current = await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/assets/{ids[0]}");
        Assert.Null(current!["archiveSuggestion"]);
        Assert.Contains(await FindAsync(account, "Fjord 430 touring kayak price"), p => p.AssetId == ids[1]);

        var archive = await account.Client.PostAsJsonAsync($"/api/v1/assets/{ids[1]}/archive", new { supersededBy = ids[0] });
        await archive.EnsureStatusAsync(HttpStatusCode.OK);
        var archived = (await archive.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("archived", archived["status"]!.GetValue<string>());
        Assert.Equal(ids[0], archived["supersededBy"]!.GetValue<Guid>());
        Assert.Null(archived["archiveSuggestion"]);

        var passages = await FindAsync(account, "Fjord 430 touring kayak price");
        Assert.NotEmpty(passages);
        Assert.DoesNotContain(passages, p => p.AssetId == ids[1]);
        Assert.Contains(await FindAsync(account, "Fjord 430 touring kayak price", includeArchived: true), p => p.AssetId == ids[1]);
        var hits = (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/ai/search-files?q=Fjord%20430%20price"))!;
        Assert.Equal("archived", hits.Single(h => h!["assetId"]!.GetValue<Guid>() == ids[1])!["status"]!.GetValue<string>());

        var restore = await account.Client.PostAsync($"/api/v1/assets/{ids[1]}/restore", null);
        await restore.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains(await FindAsync(account, "Fjord 430 touring kayak price"), p => p.AssetId == ids[1]);
    }

    [Fact]
    public async Task Archiving_needs_an_editor_and_an_asset_cannot_supersede_itself()
    {
        var (account, ids) = await UploadAsync(("prices.md", Prices));

        var self = await account.Client.PostAsJsonAsync($"/api/v1/assets/{ids[0]}/archive", new { supersededBy = ids[0] });
        await self.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var missing = await account.Client.PostAsJsonAsync($"/api/v1/assets/{ids[0]}/archive", new { supersededBy = Guid.NewGuid() });
        await missing.EnsureStatusAsync(HttpStatusCode.NotFound);
        var notArchived = await account.Client.PostAsync($"/api/v1/assets/{ids[0]}/restore", null);
        await notArchived.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Documents_indexed_with_an_older_passage_format_are_re_indexed_in_the_background()
    {
        var (account, ids) = await UploadAsync(("sustainability.md", Sustainability));
        var schema = $"tenant_{account.TenantId:N}";
        // As an asset processed before this version: flat passages, no heading, no embedding.
        await factory.ExecuteSqlAsync($"UPDATE {schema}.asset_chunks SET embedding = NULL, heading = NULL; UPDATE {schema}.brand_assets SET index_version = 1");

        Assert.True(await factory.Services.GetRequiredService<AssetReindexer>().PassAsync(CancellationToken.None) >= 1);
        var asset = await account.WaitProcessedAsync(ids[0], TimeSpan.FromMinutes(3));

        Assert.Equal("ready", asset["state"]!.GetValue<string>());
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM {schema}.asset_chunks WHERE embedding IS NULL OR heading IS NULL"));
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM {schema}.brand_assets WHERE index_version < {TextChunker.Version}"));
        Assert.Contains(await FindAsync(account, "What are the emissions per boat?"), p => p.AssetId == ids[0]);
    }

    [Fact]
    public async Task Word_counts_are_kept_for_the_documents_as_they_are_and_counted_again_when_they_change()
    {
        var (account, _) = await UploadAsync(("prices.md", Prices));
        var counts = factory.Services.GetRequiredService<StemCountCache>();

        Assert.NotEmpty(await SearchFilesAsync(account, "kayak prices"));
        var (before, counted) = counts.Known(account.TenantId, ["kayak", "prices"]);
        Assert.NotNull(before);
        Assert.Equal(2, counted.Count);
        Assert.InRange(counted["kayak"], 1, 10);

        var more = await (await account.UploadAsync(("sustainability.md", SampleFiles.Text(Sustainability)))).AssetIdsAsync();
        Assert.Equal("ready", (await account.WaitProcessedAsync(more[0], TimeSpan.FromMinutes(3)))["state"]!.GetValue<string>());
        Assert.NotEmpty(await SearchFilesAsync(account, "kayak prices"));

        var (after, recounted) = counts.Known(account.TenantId, ["kayak", "prices"]);
        Assert.NotEqual(before, after);
        Assert.True(recounted["kayak"] > counted["kayak"], "The new document's passage with \u201Ckayak\u201D is counted.");
        Assert.Equal(counted["prices"], recounted["prices"]);
    }

    private static async Task<JsonArray> SearchFilesAsync(Account account, string query) =>
        (await account.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/search-files?q={Uri.EscapeDataString(query)}"))!;

    private async Task<(Account Account, List<Guid> Ids)> UploadAsync(params (string Name, string Text)[] files)
    {
        var account = await factory.RegisterAsync();
        var ids = await (await account.UploadAsync(files.Select(f => (f.Name, SampleFiles.Text(f.Text))).ToArray())).AssetIdsAsync();
        foreach (var id in ids)
        {
            var asset = await account.WaitProcessedAsync(id, TimeSpan.FromMinutes(3));
            Assert.Equal("ready", asset["state"]!.GetValue<string>());
        }

        return (account, ids);
    }

    private async Task<IReadOnlyList<GroundingPassage>> FindAsync(Account account, string question, bool includeArchived = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(account.TenantId);
        return await scope.ServiceProvider.GetRequiredService<GroundingRetriever>()
            .FindAsync(question, null, GroundingRetriever.DefaultPassages, includeArchived, CancellationToken.None);
    }
}
