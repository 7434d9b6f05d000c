using BrandAutomator.Application.Ai;
using BrandAutomator.Infrastructure.Ai.Offline;

namespace BrandAutomator.Infrastructure.Tests.Ai;

/// <summary>The offline strategist answers from the parts of the passages that match the question, whole, citing only what it quotes.</summary>
public sealed class OfflineAnswerTests
{
    private const string PriceList = """
        # Price list 2026

        Prices include VAT and apply from 1 March 2026.

        | Product | Size | Price |
        |---|---|---|
        | House Espresso | 250 g | €12.50 |
        | House Espresso | 1 kg | €41.00 |
        | Kiambu Filter | 250 g | €15.90 |
        """;

    private const string BrandGuide = """
        # Brand guide

        ## Colours

        Our primary colour is Ember Red, #B23A2E, used for every call to action. The secondary colour is Oat, #EFE6D8.

        ## Values

        We stand for three things:
        - Craft: every batch is roasted by hand and cupped before it ships.
        - Candour: we publish what we pay farmers.
        - Warmth: we write like a friendly barista, never like a bank.
        """;

    [Fact]
    public void A_table_row_with_a_price_comes_back_whole_with_its_header()
    {
        var answer = Answer("How much is a kilo bag of House Espresso? 1 kg", Passage(1, "price-list.md", PriceList, "Price list 2026"));

        Assert.Contains("Product: House Espresso; Size: 1 kg; Price: €41.00", answer, StringComparison.Ordinal);
        Assert.Contains("[1]", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Price list 2026”", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_are_never_quoted_and_a_hex_colour_is_never_cut()
    {
        var answer = Answer("What is the hex code of our primary brand colour?", Passage(1, "brand-guide.md", BrandGuide, "Brand guide"));

        Assert.Contains("#B23A2E", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("“Colours”", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("“Brand guide”", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_about_a_whole_list_gets_every_item()
    {
        var answer = Answer("What are our brand values?", Passage(1, "brand-guide.md", BrandGuide, "Brand guide › Values"));

        Assert.Contains("Craft: every batch is roasted by hand", answer, StringComparison.Ordinal);
        Assert.Contains("Candour", answer, StringComparison.Ordinal);
        Assert.Contains("Warmth", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_in_two_parts_combines_two_sources_and_cites_only_those()
    {
        var unrelated = Passage(3, "careers.txt", "We are hiring a roaster in Leeds. Apply by e-mail with your CV.", null);
        var answer = Answer("What does the 250 g Kiambu Filter cost, and what is our secondary colour?",
            Passage(1, "price-list.md", PriceList, "Price list 2026"), Passage(2, "brand-guide.md", BrandGuide, "Brand guide"), unrelated);

        Assert.Contains("€15.90", answer, StringComparison.Ordinal);
        Assert.Contains("#EFE6D8", answer, StringComparison.Ordinal);
        Assert.Equal([1, 2], CitationMarkers.In(answer, 3).Distinct().Order());
    }

    [Fact]
    public void With_no_passage_the_answer_says_the_documents_do_not_cover_it_and_cites_nothing()
    {
        var answer = Answer("What discount do wholesale cafés get on a 5 kg order?");

        Assert.Contains("Your documents do not cover this", answer, StringComparison.Ordinal);
        Assert.Contains("upload a current price list", answer, StringComparison.Ordinal);
        Assert.Empty(CitationMarkers.In(answer, 5));
        Assert.DoesNotContain("Offline mode", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Ai:Provider", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_says_it_is_superseded_answers_only_when_nothing_current_does()
    {
        var old = Passage(1, "price-list-2024.txt", "SUPERSEDED: replaced by the 2026 price list.\n\nA House Espresso 250 g bag costs €10.90.", null);
        var current = Passage(2, "price-list.md", PriceList, "Price list 2026");

        var answer = Answer("What does a 250 g bag of House Espresso cost?", old, current);

        Assert.Contains("€12.50", answer, StringComparison.Ordinal);
        Assert.Equal([2], CitationMarkers.In(answer, 2).Distinct());
    }

    [Fact]
    public void The_same_question_gives_the_same_answer()
    {
        var passages = new[] { Passage(1, "price-list.md", PriceList, null), Passage(2, "brand-guide.md", BrandGuide, null) };
        Assert.Equal(Answer("Which colours and prices do we use?", passages), Answer("Which colours and prices do we use?", passages));
    }

    [Fact]
    public void Competitors_and_banned_words_are_read_from_lists_and_from_text_extracted_flat()
    {
        var list = Passage(1, "competitors.md", "# Competitors\n\nThe competitors we meet most:\n\n- Bean Bros: a national subscription.\n- Kettle & Crow: a local roaster.", null);
        var flat = Passage(2, "competitors.pdf", "Competitor overview The competitors we meet most: Bean Bros: a national subscription. Kettle & Crow: a local roaster.", null);
        var words = Passage(3, "guide.pdf", "Words to avoid Never use these words: \"cheap\" (say \"good value\" instead) and \"artisanal\".", null);

        foreach (var passage in new[] { list, flat })
        {
            Assert.Equal(["Bean Bros", "Kettle & Crow"], DocumentFacts.Competitors([passage]).Select(c => c.Value.Name));
        }

        Assert.Equal(["cheap", "artisanal"], DocumentFacts.BannedWords([words]));
    }

    [Fact]
    public void A_sentence_that_leads_into_a_list_is_answered_with_the_list()
    {
        var guide = Passage(1, "brand-guide.md", """
            # Words we avoid

            Never use these words in anything we publish:

            - "cheap"
            - "disposable"
            - "world-class"
            """, "Brand guide › Words we avoid");

        var answer = Answer("Which words are banned from our copy?", guide);

        Assert.Contains("\"disposable\"", answer);
        Assert.Contains("\"world-class\"", answer);
    }

    [Fact]
    public void When_words_and_meaning_disagree_on_the_best_part_both_are_quoted()
    {
        var guidelines = Passage(1, "social.md", """
            - Instagram is our main channel: tours, light and water. Four posts a week.
            - Reply to comments and messages within 24 hours, also at weekends.
            - Comments on Facebook are read by the whole team.
            """, "Social media guidelines", relevance: 1, cosines: new Dictionary<string, double>
        {
            ["Comments on Facebook are read by the whole team."] = 0.30,
            // As retrieval measures them: the reply rule is the closest in meaning, the channel shares the rarest word.
            ["Instagram is our main channel: tours, light and water. Four posts a week."] = 0.41,
            ["Reply to comments and messages within 24 hours, also at weekends."] = 0.48,
        });

        var answer = Answer("How fast should we answer comments on Instagram?", guidelines);

        Assert.Contains("within 24 hours", answer);
    }

    [Fact]
    public void Asked_what_something_costs_the_part_with_an_amount_of_money_answers_not_one_with_a_percentage()
    {
        var tours = Passage(1, "tours.md", """
            | Tour | Duration | Price |
            |---|---|---|
            | Harbour Evening | 3 hours | 690 NOK |
            | Two-Day Fjord Camp | 2 days and 1 night, tent and meals included | 4,600 NOK |

            A private tour for your own group costs the listed price plus a 35% surcharge.
            """, "Tours and prices", relevance: 1);

        var answer = Answer("What does the overnight camping tour cost?", tours);

        Assert.Contains("4,600 NOK", answer);
    }

    internal static GroundingPassage Passage(
        int number, string name, string text, string? heading, double relevance = 0, IReadOnlyDictionary<string, double>? cosines = null) =>
        new(number, Guid.NewGuid(), name, Guid.NewGuid(), null, text, heading, relevance, cosines);

    private static string Answer(string question, params GroundingPassage[] passages) =>
        string.Concat(OfflineBrandStrategist.Compose(new StrategistQuestion(null, passages, [], question)));
}
