using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Automation;

/// <summary>
/// Something sent after a post, under it: a later part of a thread (<see cref="PublishPartKind.ThreadPart"/>) or a first
/// comment (<see cref="PublishPartKind.FirstComment"/>). <see cref="ParentPostId"/> is the network's id of what it answers:
/// the part before, or the post (on X, the thread's last part).
/// </summary>
public sealed record FollowUpRequest(
    SocialPlatform Platform, PublishPartKind Kind, string AccountId, string AccessToken, string Text, string ParentPostId, Guid ItemId, Guid AttemptId);

/// <summary>Sends a thread part or a first comment on one network, speaking its wire format; answers like <see cref="ISocialPublisher"/>.</summary>
public interface IFollowUpPublisher
{
    SocialPlatform Platform { get; }

    Task<PublishResult> PublishAsync(FollowUpRequest request, CancellationToken cancellationToken);
}
