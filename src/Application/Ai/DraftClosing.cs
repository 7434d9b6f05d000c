using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Snippets;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// What closes an AI draft: the brand's chosen signature, then its chosen hashtag groups. Added after drafting, so
/// every provider (offline too) ends its drafts the same way, and the draft above it is shortened to leave room.
/// </summary>
public sealed record DraftClosing(string Text)
{
    public static DraftClosing None { get; } = new("");

    public static async Task<DraftClosing> ReadAsync(
        ITenantDb db, Guid companyId, Guid? signatureId, IReadOnlyList<Guid>? hashtagGroupIds, CancellationToken cancellationToken)
    {
        var groupIds = (hashtagGroupIds ?? []).Distinct().ToList();
        if (signatureId is null && groupIds.Count == 0)
        {
            return None;
        }

        var wanted = groupIds.Concat(signatureId is { } id ? [id] : []).ToList();
        var snippets = await db.Snippets.AsNoTracking().Where(s => s.CompanyId == companyId && wanted.Contains(s.Id)).ToListAsync(cancellationToken);
        string? signature = null;
        if (signatureId is { } sid)
        {
            signature = snippets.FirstOrDefault(s => s.Id == sid && s.Kind == SnippetKind.Signature)?.Body
                ?? throw new DomainRuleException("Choose one of this brand's signatures.", "signatureId");
        }

        var tags = new List<string>();
        foreach (var groupId in groupIds)
        {
            var group = snippets.FirstOrDefault(s => s.Id == groupId && s.Kind == SnippetKind.HashtagGroup)
                ?? throw new DomainRuleException("Choose this brand's hashtag groups.", "hashtagGroupIds");
            tags.AddRange(Snippet.Hashtags(group.Body));
        }

        var parts = new[] { signature, string.Join(' ', tags.Distinct(StringComparer.OrdinalIgnoreCase)) }.Where(p => !string.IsNullOrWhiteSpace(p));
        return new DraftClosing(string.Join("\n\n", parts));
    }

    /// <summary>The draft fitted to the network's limit with the closing after it; a closing that alone is too long is left off.</summary>
    public PostDraftDto Close(string draft, SocialPlatform platform)
    {
        var max = platform.MaxTextLength();
        if (Text.Length == 0)
        {
            return GeneratePostsHandler.Fit(draft, max, text => platform.TextLength(text));
        }

        var room = max - platform.TextLength("\n\n" + Text);
        if (room < 20)
        {
            return GeneratePostsHandler.Fit(draft, max, text => platform.TextLength(text));
        }

        var body = GeneratePostsHandler.Fit(draft, room, text => platform.TextLength(text));
        var text = body.Text + "\n\n" + Text;
        return new PostDraftDto(text, platform.TextLength(text), body.Shortened);
    }
}
