using BrandAutomator.Application.Ai;
using BrandAutomator.Domain.Social;
using static BrandAutomator.Infrastructure.Ai.Offline.OfflineText;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// Post drafts without a model: a hook on the topic, the brand's promise or a sentence of its own documents about the
/// topic, a call to action fitting the platform, and hashtags where the platform uses them; within every limit.
/// </summary>
public sealed class OfflinePostDrafter : IPostDrafter
{
    public Task<AiResult<IReadOnlyList<PostDraft>>> DraftAsync(PostBrief brief, CancellationToken cancellationToken) =>
        Task.FromResult(new AiResult<IReadOnlyList<PostDraft>>(Drafts(brief), AiTokenUsage.None));

    public static IReadOnlyList<PostDraft> Drafts(PostBrief brief)
    {
        var p = brief.Profile;
        var topic = Clip(brief.Topic, 120);
        var terms = GroundingRetriever.Terms(brief.Topic);
        var facts = brief.Passages.Select(x => Clip(GroundingRetriever.BestSentence(x.Text, terms), 220)).Where(s => s.Length > 0).ToList();
        var promise = p.PositioningStatement ?? (p.TargetAudience is { } audience && p.CoreProblem is { } problem
            ? $"We help {Inline(audience)} with this: {Inline(problem)}."
            : p.Description ?? $"{p.Name} is here to help.");
        var hashtags = new[] { Hashtag(p.Name), Hashtag(p.Industry), Hashtag(topic.Split(' ').Length <= 3 ? topic : null) }.OfType<string>().Distinct().ToList();

        var drafts = new List<PostDraft>();
        foreach (var platform in brief.Platforms)
        {
            for (var i = 0; i < brief.Count; i++)
            {
                var hook = (i % 4) switch
                {
                    0 => $"{Sentence(topic)}",
                    1 => $"Let's talk about {Inline(topic)}.",
                    2 => $"{p.Name} on {Inline(topic)}:",
                    _ => $"A quick note on {Inline(topic)}.",
                };
                var body = facts.Count > 0 && i % 2 == 0 ? $"“{facts[(i / 2) % facts.Count]}”" : Sentence(Clip(promise, 400));
                drafts.Add(new PostDraft(platform, Compose(platform, hook, body, hashtags)));
            }
        }

        return drafts;
    }

    private static string Compose(SocialPlatform platform, string hook, string body, IReadOnlyList<string> hashtags)
    {
        var tags = string.Join(' ', hashtags);
        return platform switch
        {
            // X: the hook, a short body and the tags, well under 280.
            SocialPlatform.X => Clip($"{hook} {Clip(body, 170)} {tags}", 270),
            SocialPlatform.LinkedIn => $"{hook}\n\n{body}\n\nWhat's your experience? Share it in the comments.\n\n{tags}".Trim(),
            SocialPlatform.Instagram => $"{hook}\n\n{body}\n\nTell us below, and follow for more.\n\n{tags}".Trim(),
            SocialPlatform.Facebook => $"{hook}\n\n{body}\n\nWhat do you think? Let us know in the comments.",
            SocialPlatform.GoogleBusiness => Clip($"{hook} {body} Get in touch or visit us to learn more.", 1400),
            _ => $"{hook}\n\n{body}",
        };
    }
}
