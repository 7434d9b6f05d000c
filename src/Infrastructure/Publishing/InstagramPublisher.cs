using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// Instagram (Graph API content publishing): a media container (<c>POST /{ig-user-id}/media</c> with <c>image_url</c> or
/// <c>video_url</c> and <c>caption</c>; a carousel for several), then <c>POST /{ig-user-id}/media_publish</c> with
/// <c>creation_id</c>. Only the second step publishes, so only its lost answer makes the post Unconfirmed.
/// </summary>
public sealed class InstagramPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.Instagram;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        if (request.Media.Count == 0)
        {
            return PublishResult.Rejected("Instagram needs at least one image or video.");
        }

        var baseUrl = options.Value.Instagram.BaseUrl;
        var user = Uri.EscapeDataString(request.AccountId);
        string containerId;
        if (request.Media.Count == 1)
        {
            var (id, failure) = await CreateContainerAsync(baseUrl, user, request, MediaFields(request.Media[0], carouselItem: false, request.Text), cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            containerId = id!;
        }
        else
        {
            var children = new List<string>();
            foreach (var media in request.Media)
            {
                var (id, failure) = await CreateContainerAsync(baseUrl, user, request, MediaFields(media, carouselItem: true, null), cancellationToken);
                if (failure is not null)
                {
                    return failure;
                }

                children.Add(id!);
            }

            var (carousel, carouselFailure) = await CreateContainerAsync(baseUrl, user, request, new Dictionary<string, string>
            {
                ["media_type"] = "CAROUSEL",
                ["children"] = string.Join(',', children),
                ["caption"] = request.Text,
            }, cancellationToken);
            if (carouselFailure is not null)
            {
                return carouselFailure;
            }

            containerId = carousel!;
        }

        if (request.Media.Any(m => m.IsVideo) && await WaitUntilReadyAsync(baseUrl, containerId, request.AccessToken, cancellationToken) is { } notReady)
        {
            return notReady;
        }

        using var publish = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(baseUrl, $"{user}/media_publish"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["creation_id"] = containerId, ["access_token"] = request.AccessToken }),
        };
        var answer = await PlatformHttp.ExchangeAsync(http, publish, "Instagram", repeatable: false, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        return PublishResult.Published(PlatformHttp.String(answer.Body?["id"]) ?? "");
    }

    private static Dictionary<string, string> MediaFields(PublishMedia media, bool carouselItem, string? caption)
    {
        var fields = new Dictionary<string, string>();
        if (media.IsVideo)
        {
            fields["media_type"] = carouselItem ? "VIDEO" : "REELS";
            fields["video_url"] = media.Url.ToString();
        }
        else
        {
            fields["image_url"] = media.Url.ToString();
            // Instagram takes a description on images only (alt_text on the container).
            if (media.AltText is { Length: > 0 } alt)
            {
                fields["alt_text"] = alt;
            }
        }

        if (carouselItem)
        {
            fields["is_carousel_item"] = "true";
        }

        if (caption is not null)
        {
            fields["caption"] = caption;
        }

        return fields;
    }

    /// <summary>A container is not a post: creating one again after a lost answer is harmless, so its failures are retried.</summary>
    private async Task<(string? Id, PublishResult? Failure)> CreateContainerAsync(
        string baseUrl, string user, PublishRequest request, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        fields["access_token"] = request.AccessToken;
        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(baseUrl, $"{user}/media"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        var answer = await PlatformHttp.ExchangeAsync(http, message, "Instagram", repeatable: true, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return (null, answer.Failure);
        }

        var id = PlatformHttp.String(answer.Body?["id"]);
        return id is null ? (null, PublishResult.Retry("Instagram created no media container.")) : (id, null);
    }

    /// <summary>Videos are processed before they can be published: poll the container's <c>status_code</c> until FINISHED.</summary>
    private async Task<PublishResult?> WaitUntilReadyAsync(string baseUrl, string containerId, string token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var poll = 0; poll < settings.InstagramVideoPolls; poll++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get,
                PlatformHttp.Url(baseUrl, $"{Uri.EscapeDataString(containerId)}?fields=status_code&access_token={Uri.EscapeDataString(token)}"));
            var answer = await PlatformHttp.ExchangeAsync(http, message, "Instagram", repeatable: true, clock, cancellationToken);
            if (answer.Failure is not null)
            {
                return answer.Failure;
            }

            var status = PlatformHttp.String(answer.Body?["status_code"]);
            switch (status)
            {
                case "FINISHED" or "PUBLISHED":
                    return null;
                case "ERROR" or "EXPIRED":
                    return PublishResult.Rejected($"Instagram could not process the video (status {status}).");
            }

            await Task.Delay(TimeSpan.FromSeconds(settings.InstagramVideoPollSeconds), clock, cancellationToken);
        }

        return PublishResult.Retry("Instagram is still processing the video.");
    }
}
