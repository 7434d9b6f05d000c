using System.Text.RegularExpressions;
using BrandAutomator.Application.Ai;
using BrandAutomator.Domain.Social;
using static BrandAutomator.Infrastructure.Ai.Offline.OfflineText;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// Post drafts without a model: a hook on the topic, the brand's promise or one short fact of its own documents about the
/// topic (a sentence, a list item or a table row, never a pasted paragraph), a call to action fitting the platform, and
/// the hashtags the social media policy prescribes (the brand's own otherwise) where the platform uses them. Words the
/// brand guide bans are kept out. Within every limit; each draft names the passages it drew on.
/// </summary>
public sealed partial class OfflinePostDrafter : IPostDrafter
{
    private const int MaxFactLength = 220;

    public Task<AiResult<IReadOnlyList<PostDraft>>> DraftAsync(PostBrief brief, CancellationToken cancellationToken) =>
        Task.FromResult(new AiResult<IReadOnlyList<PostDraft>>(Drafts(brief), AiTokenUsage.None));

    public static IReadOnlyList<PostDraft> Drafts(PostBrief brief)
    {
        var p = brief.Profile;
        var topic = Clip(brief.Topic, 120);
        var banned = DocumentFacts.BannedWords(brief.Passages);
        var prescribed = DocumentFacts.RequiredHashtags(brief.Passages);
        var rules = prescribed.Select(h => h.Passage).Concat(banned.Count > 0 ? DocumentFacts.Avoid(brief.Passages).Select(a => a.Passage) : []).Distinct().ToList();

        // Facts: the parts that match the topic, short, that are not themselves rules about posting or wording.
        var facts = ExcerptPicker.Ranked(brief.Topic, brief.Passages)
            .Where(e => e.Text.Length <= MaxFactLength && !e.Text.Contains('#', StringComparison.Ordinal) && !e.Text.EndsWith(':')
                && !Uses(e.Text, banned) && !Rule().IsMatch(e.Text))
            .Take(3).ToList();
        var promise = p.PositioningStatement ?? (p.TargetAudience is { } audience && p.CoreProblem is { } problem
            ? $"We help {Inline(audience)} with this: {Inline(problem)}."
            : p.Description ?? $"{p.Name} is here to help.");
        if (Uses(promise, banned))
        {
            promise = $"{p.Name} is here to help.";
        }

        // The brand's results lean the drafts: hashtags left out where posts without them did better (unless the policy
        // prescribes them), the call to action dropped where short posts did better; the results passage is cited.
        var follow = brief.Performance?.Follow ?? [];
        var noTags = follow.Any(f => f.Key == "hashtags" && !f.Helps);
        var shortWins = follow.Any(f => f.Key == "short" && f.Helps);
        var hashtags = prescribed.Count > 0
            ? prescribed.Select(h => h.Value).ToList()
            : noTags ? []
            : new[] { Hashtag(p.Name), Hashtag(p.Industry), Hashtag(topic.Split(' ').Length <= 3 ? topic : null) }.OfType<string>().Distinct().ToList();
        var results = brief.Performance is { Follow.Count: > 0 } performance ? new[] { performance.Passage } : [];

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
                if (Uses(hook, banned))
                {
                    hook = $"A quick note from {p.Name}.";
                }

                var fact = facts.Count > 0 && i % 2 == 0 ? facts[(i / 2) % facts.Count] : null;
                var body = fact is null ? Sentence(Clip(promise, 400)) : Sentence(Clip(fact.Text, MaxFactLength));
                var used = rules.Concat(fact is null ? [] : [fact.Passage.Number]).Concat(results).Distinct().Order().ToList();
                var text = Compose(platform, hook, body, hashtags);
                drafts.Add(new PostDraft(platform, shortWins ? Short(text, hook, body, hashtags) : text, used));
            }
        }

        return drafts;
    }

    /// <summary>The hook and body alone (and the tags), under the length short posts did best at, when that is shorter.</summary>
    private static string Short(string text, string hook, string body, IReadOnlyList<string> hashtags)
    {
        var tags = string.Join(' ', hashtags);
        var core = Clip($"{hook} {body}", Math.Max(60, BrandAutomator.Application.Analytics.PostPatterns.ShortLength - 1 - (tags.Length > 0 ? tags.Length + 1 : 0)));
        var shortened = (core + " " + tags).Trim();
        return shortened.Length < text.Length ? shortened : text;
    }

    private static bool Uses(string text, IReadOnlyList<string> banned) =>
        banned.Any(word => Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(word) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase));

    private static string Compose(SocialPlatform platform, string hook, string body, IReadOnlyList<string> hashtags)
    {
        var tags = string.Join(' ', hashtags);
        return platform switch
        {
            // X: the hook and a short body, cut so that the tags always fit, well under 280.
            SocialPlatform.X => (Clip($"{hook} {Clip(body, 170)}", Math.Max(60, 270 - tags.Length - 1)) + " " + tags).Trim(),
            SocialPlatform.LinkedIn => $"{hook}\n\n{body}\n\nWhat's your experience? Share it in the comments.\n\n{tags}".Trim(),
            SocialPlatform.Instagram => $"{hook}\n\n{body}\n\nTell us below, and follow for more.\n\n{tags}".Trim(),
            SocialPlatform.Facebook => $"{hook}\n\n{body}\n\nWhat do you think? Let us know in the comments.",
            SocialPlatform.GoogleBusiness => Clip($"{hook} {body} Get in touch or visit us to learn more.", 1400),
            // Bluesky: 300 graphemes; UTF-16 units never undercount them, so a clip at 290 with the tags after fits.
            // Threads: 500 characters; the tags after a clipped body.
            // Pinterest: a pin's description, 500 characters, the tags after it as on Threads.
            SocialPlatform.Threads or SocialPlatform.Pinterest => (Clip($"{hook} {Clip(body, 300)}", Math.Max(60, 490 - tags.Length - 1)) + " " + tags).Trim(),
            SocialPlatform.Bluesky => (Clip($"{hook} {Clip(body, 170)}", Math.Max(60, 290 - tags.Length - 1)) + " " + tags).Trim(),
            // YouTube: the video's description, its hashtags at the end (YouTube shows the first three above the title).
            SocialPlatform.YouTube => $"{hook}\n\n{body}\n\n{tags}".Trim(),
            // TikTok: a caption of 2,200 characters; a short hook and the tags carry it.
            SocialPlatform.TikTok => (Clip($"{hook} {Clip(body, 400)}", Math.Max(60, 2_000 - tags.Length - 1)) + " " + tags).Trim(),
            _ => $"{hook}\n\n{body}",
        };
    }

    // Sentences that state a rule for the writer rather than a fact for the reader.
    [GeneratedRegex(@"^(never|always|do not|don't|use|add|avoid|every post|posts?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Rule();
}
