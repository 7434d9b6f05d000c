using System.Text.RegularExpressions;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// What the strategist says when no passage of the company's documents bears on a question: that the documents do not
/// cover it, and which kind of document would, guessed from the question's topic. It cites nothing.
/// </summary>
public static partial class Abstention
{
    // The first topic the question mentions decides; the order puts the specific before the general.
    private static readonly (Regex Topic, string Document)[] Suggestions =
    [
        (Topic(@"wages?\b|salar(y|ies)|paid (per|an|by the) (hour|day|week|month|year)|pay rate|hourly rate|payroll|overtime"), "your HR or team handbook"),
        (Topic(@"insur"), "your insurance policy"),
        (Topic(@"accountant|lawyer|solicitor|auditor|bank\b|supplier|vendor"), "your list of suppliers and advisers"),
        (Topic(@"price|pricing|cost|fee|discount|tariff|how much|subscription plan|wholesale"), "a current price list"),
        (Topic(@"competitor|competition|rival|alternative to|market share"), "a competitor overview"),
        (Topic(@"hashtag|social media|instagram|linkedin|tiktok|facebook|twitter|posting"), "your social media policy"),
        (Topic(@"colou?r|logo|font|typeface|typograph|tone|voice|brand values|our values|tagline|slogan|banned|words? to avoid|wording"), "your brand guide"),
        (Topic(@"sustainab|carbon|emission|co2|recycl|packaging|footprint|climate|energy|waste"), "your sustainability report"),
        (Topic(@"return|refund|shipping|deliver|warranty|guarantee|exchange|complaint"), "your customer service policy or FAQ"),
        (Topic(@"employee|staff|hiring|salary|salaries|payroll|leave|holiday|benefit|pension|recruit"), "your HR or team handbook"),
        (Topic(@"revenue|profit|turnover|margin|budget|forecast|funding|investor|valuation|sales figures"), "your financial reports"),
        (Topic(@"audience|persona|survey|segment|demographic|customer research"), "your customer research or personas"),
        (Topic(@"launch|roadmap|release date|upcoming|next year"), "your product roadmap or launch plan"),
        (Topic(@"opening hours|address|location|store|shop|café|cafe|visit"), "your store and contact details"),
        (Topic(@"spec|weight|dimension|size|capacity|material|ingredient|model|product"), "the product sheets"),
        (Topic(@"press|award|prize|media coverage|interview"), "your press kit"),
        (Topic(@"founded|founder|started the (company|business)|history|who (runs|owns|leads)"), "your company history or about page"),
        (Topic(@"legal|licen[cs]e|trademark|contract|terms|privacy|gdpr"), "your legal documents (terms, licences, policies)"),
    ];

    /// <summary>The document to upload that would answer the question: specific where the topic says, general otherwise.</summary>
    public static string SuggestedDocument(string question)
    {
        foreach (var (topic, document) in Suggestions)
        {
            if (topic.IsMatch(question))
            {
                return document;
            }
        }

        return "a document that covers it, such as a policy, a product sheet or a report";
    }

    /// <summary>The plain answer: the documents do not cover this, and what to upload so that they do.</summary>
    public static string Answer(string question)
    {
        var asked = Whitespace().Replace(question, " ").Trim().TrimEnd('?', '.', '!', ' ');
        if (asked.Length > 120)
        {
            var cut = asked.LastIndexOf(' ', 119);
            asked = asked[..(cut > 60 ? cut : 119)] + "…";
        }

        return $"Your documents do not cover this: none of your uploaded files answers “{asked}”, so there is nothing to quote or cite. " +
            $"To get an answer grounded in your own material, upload {SuggestedDocument(question)}.";
    }

    private static Regex Topic(string pattern) => new(@"\b(" + pattern + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
