using BrandAutomator.Application.Ai;

namespace BrandAutomator.Application.Tests.Ai;

/// <summary>When the documents do not cover a question, the answer names the kind of document that would.</summary>
public sealed class AbstentionTests
{
    [Theory]
    [InlineData("How much are guides paid per hour?", "your HR or team handbook")]
    [InlineData("What is the hourly rate of our mechanics?", "your HR or team handbook")]
    [InlineData("Who insures our tours?", "your insurance policy")]
    [InlineData("Which accountant do we use?", "your list of suppliers and advisers")]
    [InlineData("How much does the family ticket cost?", "a current price list")]
    [InlineData("Which prize have we won?", "your press kit")]
    [InlineData("Who started the company?", "your company history or about page")]
    [InlineData("What is the meaning of life?", "a document that covers it, such as a policy, a product sheet or a report")]
    public void The_suggested_document_follows_the_question(string question, string document) =>
        Assert.Equal(document, Abstention.SuggestedDocument(question));

    [Fact]
    public void The_answer_quotes_the_question_and_cites_nothing()
    {
        var answer = Abstention.Answer("Who insures our tours?");

        Assert.StartsWith("Your documents do not cover this: none of your uploaded files answers “Who insures our tours”", answer);
        Assert.DoesNotContain("[1]", answer);
    }
}
