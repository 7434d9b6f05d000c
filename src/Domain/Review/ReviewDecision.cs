using System.Text;
using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Review;

/// <summary>What a client reviewer said about a post.</summary>
public enum ReviewVerdict
{
    Approved,
    ChangesRequested,
}

/// <summary>
/// One decision a reviewer made on a post through a review link, with their name as they typed it. Every decision is
/// kept (a reviewer may change their mind); the team reads the latest per post.
/// </summary>
public sealed class ReviewDecision
{
    public const int MaxReviewerNameLength = 80;
    public const int MaxCommentLength = 2000;

    private ReviewDecision()
    {
    }

    public Guid Id { get; private set; }

    public Guid LinkId { get; private set; }

    public Guid ContentItemId { get; private set; }

    /// <summary>As typed (trimmed, control characters dropped): the link has no account behind it.</summary>
    public string ReviewerName { get; private set; } = "";

    public ReviewVerdict Verdict { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public static ReviewDecision Record(
        Guid linkId, Guid contentItemId, string reviewerName, ReviewVerdict verdict, string? comment, DateTimeOffset now)
    {
        var name = Clean(reviewerName);
        if (name.Length is 0 or > MaxReviewerNameLength)
        {
            throw new DomainRuleException($"Type your name (up to {MaxReviewerNameLength} characters), so the team knows who reviewed.", "reviewerName");
        }

        var text = comment is null ? null : Clean(comment, keepLineBreaks: true);
        if (string.IsNullOrEmpty(text))
        {
            text = null;
        }

        if (verdict == ReviewVerdict.ChangesRequested && text is null)
        {
            throw new DomainRuleException("Say what to change: asking for changes needs a comment.", "comment");
        }

        if (text is { Length: > MaxCommentLength })
        {
            throw new DomainRuleException($"A comment has at most {MaxCommentLength} characters.", "comment");
        }

        return new ReviewDecision
        {
            Id = Guid.CreateVersion7(now),
            LinkId = linkId,
            ContentItemId = contentItemId,
            ReviewerName = name,
            Verdict = verdict,
            Comment = text,
            DecidedAt = now,
        };
    }

    private static string Clean(string value, bool keepLineBreaks = false)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormC))
        {
            if (keepLineBreaks && c == '\r')
            {
                continue;
            }

            if (keepLineBreaks && c == '\n')
            {
                if (builder.Length > 0 && builder[^1] == ' ')
                {
                    builder.Length--;
                }

                builder.Append(c);
            }
            else if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                // Names and comments are shown to the team and written to the audit log: no hidden characters, one space.
                if (builder.Length > 0 && builder[^1] is not ' ' and not '\n')
                {
                    builder.Append(' ');
                }
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
