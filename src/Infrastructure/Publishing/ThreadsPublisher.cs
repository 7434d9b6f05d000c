using System.Net.Http.Headers;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// Threads (graph.threads.net): a media container (<c>POST /{user-id}/threads</c> with <c>media_type</c> TEXT, IMAGE,
/// VIDEO or CAROUSEL and its <c>children</c>), its <c>status</c> polled until FINISHED when it holds a video, then
/// <c>POST /{user-id}/threads_publish</c> with <c>creation_id</c>. Containers are not posts: only the last step's lost
/// answer makes the post Unconfirmed. The token travels in the Authorization header, never in a URL.
/// </summary>
public sealed class ThreadsPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    private const string Network = "Threads";

    public SocialPlatform Platform => SocialPlatform.Threads;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var user = Uri.EscapeDataString(request.AccountId);
        var media = request.Media.Take(20).ToList();
        string? containerId;
        PublishResult? failure;
        if (media.Count <= 1)
        {
            var fields = media.Count == 0 ? new Dictionary<string, string> { ["media_type"] = "TEXT" } : MediaFields(media[0], carouselItem: false);
            fields["text"] = request.Text;
            (containerId, failure) = await CreateContainerAsync(user, request.AccessToken, fields, cancellationToken);
        }
        else
        {
            var children = new List<string>();
            foreach (var item in media)
            {
                var (child, childFailure) = await CreateContainerAsync(user, request.AccessToken, MediaFields(item, carouselItem: true), cancellationToken);
                if (childFailure is not null)
                {
                    return childFailure;
                }

                children.Add(child!);
            }

            (containerId, failure) = await CreateContainerAsync(user, request.AccessToken, new Dictionary<string, string>
            {
                ["media_type"] = "CAROUSEL", ["children"] = string.Join(',', children), ["text"] = request.Text,
            }, cancellationToken);
        }

        if (failure is not null)
        {
            return failure;
        }

        if (media.Any(m => m.IsVideo) && await WaitUntilReadyAsync(containerId!, request.AccessToken, cancellationToken) is { } notReady)
        {
            return notReady;
        }

        using var publish = Post($"{user}/threads_publish", request.AccessToken, new Dictionary<string, string> { ["creation_id"] = containerId! });
        var answer = await PlatformHttp.ExchangeAsync(http, publish, Network, repeatable: false, clock, cancellationToken);
        return answer.Failure ?? PublishResult.Published(PlatformHttp.String(answer.Body?["id"]) ?? "");
    }

    private static Dictionary<string, string> MediaFields(PublishMedia media, bool carouselItem)
    {
        var fields = new Dictionary<string, string>
        {
            ["media_type"] = media.IsVideo ? "VIDEO" : "IMAGE",
            [media.IsVideo ? "video_url" : "image_url"] = media.Url.ToString(),
        };
        if (media.AltText is { Length: > 0 } alt)
        {
            fields["alt_text"] = alt;
        }

        if (carouselItem)
        {
            fields["is_carousel_item"] = "true";
        }

        return fields;
    }

    private HttpRequestMessage Post(string path, string token, Dictionary<string, string> fields)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(options.Value.Threads.BaseUrl, path)) { Content = new FormUrlEncodedContent(fields) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }

    /// <summary>A container is not a post: creating one again after a lost answer is harmless, so its failures are retried.</summary>
    private async Task<(string? Id, PublishResult? Failure)> CreateContainerAsync(
        string user, string token, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var message = Post($"{user}/threads", token, fields);
        var answer = await PlatformHttp.ExchangeAsync(http, message, Network, repeatable: true, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return (null, answer.Failure);
        }

        var id = PlatformHttp.String(answer.Body?["id"]);
        return id is null ? (null, PublishResult.Retry("Threads created no media container.")) : (id, null);
    }

    /// <summary>Videos are processed first: poll the container's <c>status</c> (IN_PROGRESS, FINISHED, ERROR, EXPIRED).</summary>
    private async Task<PublishResult?> WaitUntilReadyAsync(string containerId, string token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var poll = 0; poll < settings.InstagramVideoPolls; poll++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get,
                PlatformHttp.Url(settings.Threads.BaseUrl, $"{Uri.EscapeDataString(containerId)}?fields=status,error_message"));
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var answer = await PlatformHttp.ExchangeAsync(http, message, Network, repeatable: true, clock, cancellationToken);
            if (answer.Failure is not null)
            {
                return answer.Failure;
            }

            var status = PlatformHttp.String(answer.Body?["status"]);
            switch (status)
            {
                case "FINISHED" or "PUBLISHED":
                    return null;
                case "ERROR" or "EXPIRED":
                    return PublishResult.Rejected(
                        $"Threads could not process the video ({PlatformHttp.String(answer.Body?["error_message"]) ?? status}).");
            }

            await Task.Delay(TimeSpan.FromSeconds(settings.InstagramVideoPollSeconds), clock, cancellationToken);
        }

        return PublishResult.Retry("Threads is still processing the video.");
    }
}
