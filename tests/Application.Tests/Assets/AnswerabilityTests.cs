using BrandAutomator.Application.Assets;

namespace BrandAutomator.Application.Tests.Assets;

public class AnswerabilityTests
{
    [Theory]
    [InlineData("How many followers does our TikTok account have?", "tiktok")]
    [InlineData("Do we sell on Etsy at Christmas?", "etsy,christmas")]
    [InlineData("What did our SEO agency report in 2019?", "seo,2019")]
    [InlineData("Who runs the Thursday evening sessions at Canal Wharf?", "thursday,canal,wharf")]
    [InlineData("What is the hex code of Chain Green?", "chain,green")]
    public void Names_are_capitalised_words_inside_a_sentence_brands_in_mixed_case_acronyms_and_years(string question, string expected) =>
        Assert.Equal(expected.Split(','), Answerability.Names(question));

    [Theory]
    [InlineData("What typeface do we set headlines in?")]
    [InlineData("Which three principles sum up what the co-op stands for? Tell me more.")]
    [InlineData("How Much Is A Basic Tune-Up?")]
    [InlineData("WHAT DOES A FULL SERVICE COST?")]
    [InlineData("I wonder: can I call our prices cheap?")]
    public void Sentence_starts_title_case_and_capitals_throughout_name_nothing(string question) =>
        Assert.Empty(Answerability.Names(question));

    [Theory]
    [InlineData("What is our annual marketing budget for 2026?", "budget")]
    [InlineData("How much did we spend on advertising last year?", "budget")]
    [InlineData("How many followers do we have on Instagram?", "followers")]
    [InlineData("What was our turnover in 2025?", "revenue")]
    [InlineData("What is our parental leave policy?", "leave")]
    [InlineData("How much are our mechanics paid per hour?", "pay")]
    [InlineData("Who insures the workshop?", "insurance")]
    [InlineData("Which firm is our accountant?", "advisers")]
    [InlineData("What paddle length suits a tall adult?", "measurement")]
    [InlineData("How heavy is the cargo bike we lend?", "measurement")]
    public void A_kind_of_fact_no_passage_speaks_of_is_uncovered(string question, string fact)
    {
        // A deposit that is "paid" says nothing of what people are paid.
        string[] passages = ["| Service | Price |\n| Basic tune-up | £49 |", "Every post carries our two brand hashtags on Instagram and LinkedIn.",
            "A deposit of 30% is paid when you book."];

        Assert.Equal(fact, Answerability.Uncovered(question, passages)?.Name);
    }

    [Theory]
    [InlineData("What is our annual marketing budget for 2026?", "The 2026 marketing budget is £12,000, most of it spent on events.")]
    [InlineData("How many followers do we have on Instagram?", "Our Instagram account has 4,300 followers.")]
    [InlineData("What does it cost to fix a puncture?", "| Puncture repair | £14 |")]
    [InlineData("What do we charge for carbon footprint per kayak?", "Each kayak's carbon footprint is 41 kg of CO2.")]
    [InlineData("How much are our mechanics paid per hour?", "Mechanics are paid £14.50 an hour, the real living wage.")]
    [InlineData("Who insures the workshop?", "Our public liability insurance is with Harbour Mutual.")]
    [InlineData("What paddle length suits a tall adult?", "Paddlers over 185 cm take the 220 cm paddle.")]
    [InlineData("How far is the car park from the boathouse?", "The car park is 300 metres away.")]
    [InlineData("What is the maximum weight of a rider?", "E-bikes carry riders up to 120 kg.")]
    public void A_passage_that_speaks_of_the_asked_fact_or_a_question_asking_for_none_is_covered(string question, string passage) =>
        Assert.Null(Answerability.Uncovered(question, [passage]));
}
