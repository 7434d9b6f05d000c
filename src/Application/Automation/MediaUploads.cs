using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Automation;

/// <summary>
/// A network that takes a post's images and videos as uploads of its own before the post refers to them (LinkedIn's
/// Images and Videos APIs, X's media upload). An upload shows nothing to anyone, so it is safe to repeat: a publishing
/// run uploads before it records the post's attempt, and a run that dies mid-upload uploads again and posts once.
/// </summary>
public interface ISocialMediaUploader
{
    SocialPlatform Platform { get; }

    /// <summary>
    /// Uploads every medium and waits until the network has processed it. Answers the media with their
    /// <see cref="PublishMedia.NetworkMediaId"/>, or the result that stops the post: refused (with the network's reason
    /// in words), to be tried again later, or the access token refused. Does not throw for network answers.
    /// </summary>
    Task<MediaUpload> UploadAsync(MediaUploadRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// One post's media for one account. <see cref="StillWorkingAsync"/> is called between the steps of a long upload
/// (chunks, processing polls): it keeps the run's hold on the post, and throws if the run has lost it.
/// </summary>
public sealed record MediaUploadRequest(
    SocialPlatform Platform, string AccountId, string AccessToken, IReadOnlyList<PublishMedia> Media, Func<CancellationToken, Task> StillWorkingAsync);

/// <summary>The uploaded media (each with its network id), or the result that stops the post.</summary>
public sealed record MediaUpload(IReadOnlyList<PublishMedia> Media, PublishResult? Failure)
{
    public static MediaUpload Done(IReadOnlyList<PublishMedia> media) => new(media, null);

    public static MediaUpload Stopped(PublishResult failure) => new([], failure);
}
