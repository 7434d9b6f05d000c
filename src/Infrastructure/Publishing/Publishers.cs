using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// LinkedIn's versioned REST API: <c>POST /rest/posts</c> with <c>LinkedIn-Version</c> and <c>X-Restli-Protocol-Version</c>;
/// the new post's URN comes back in the <c>x-restli-id</c> header. Text only: images need the Images API upload first.
/// </summary>
public sealed class LinkedInPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.LinkedIn;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(settings.LinkedIn.BaseUrl, "rest/posts"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Headers.Add("LinkedIn-Version", settings.LinkedInVersion);
        message.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        message.Content = JsonContent.Create(new
        {
            author = request.AccountId,
            commentary = EscapeLittleText(request.Text),
            visibility = "PUBLIC",
            distribution = new { feedDistribution = "MAIN_FEED", targetEntities = Array.Empty<object>(), thirdPartyDistributionChannels = Array.Empty<object>() },
            lifecycleState = "PUBLISHED",
            isReshareDisabledByAuthor = false,
        });
        var (response, failure) = await PlatformHttp.SendAsync(http, message, "LinkedIn", repeatable: false, cancellationToken);
        using (response)
        {
            if (failure is not null)
            {
                return failure;
            }

            if (await PlatformHttp.FailureAsync(response!, "LinkedIn", clock, cancellationToken) is { } refused)
            {
                return refused;
            }

            var id = response!.Headers.TryGetValues("x-restli-id", out var ids) ? ids.FirstOrDefault()
                : response.Headers.TryGetValues("x-linkedin-id", out var other) ? other.FirstOrDefault() : null;
            return PublishResult.Published(id ?? "");
        }
    }

    /// <summary>LinkedIn's "little text" format gives these characters a meaning; escaped, they are shown as typed.</summary>
    internal static string EscapeLittleText(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\\' or '|' or '{' or '}' or '@' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '*' or '_' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

/// <summary>X API v2: <c>POST /2/tweets</c> with <c>{ text }</c>; the id is <c>data.id</c>; 429 carries <c>x-rate-limit-reset</c>.</summary>
public sealed class XPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.X;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(options.Value.X.BaseUrl, "2/tweets"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Content = JsonContent.Create(new { text = request.Text });
        var (response, failure) = await PlatformHttp.SendAsync(http, message, "X", repeatable: false, cancellationToken);
        using (response)
        {
            if (failure is not null)
            {
                return failure;
            }

            if (await PlatformHttp.FailureAsync(response!, "X", clock, cancellationToken) is { } refused)
            {
                return refused;
            }

            var body = await PlatformHttp.ReadJsonAsync(response!, cancellationToken);
            return PublishResult.Published(PlatformHttp.String(body?["data"]?["id"]) ?? "");
        }
    }
}

/// <summary>A Facebook Page's feed through the Graph API: <c>POST /{page-id}/feed</c> with <c>message</c> and <c>access_token</c>.</summary>
public sealed class FacebookPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.Facebook;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        // Text posts; photos would go through /{page-id}/photos, which is not wired yet.
        var fields = new Dictionary<string, string> { ["message"] = request.Text, ["access_token"] = request.AccessToken };
        using var message = new HttpRequestMessage(HttpMethod.Post,
            PlatformHttp.Url(options.Value.Facebook.BaseUrl, $"{Uri.EscapeDataString(request.AccountId)}/feed"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        var (response, failure) = await PlatformHttp.SendAsync(http, message, "Facebook", repeatable: false, cancellationToken);
        using (response)
        {
            if (failure is not null)
            {
                return failure;
            }

            if (await PlatformHttp.FailureAsync(response!, "Facebook", clock, cancellationToken) is { } refused)
            {
                return refused;
            }

            var body = await PlatformHttp.ReadJsonAsync(response!, cancellationToken);
            return PublishResult.Published(PlatformHttp.String(body?["id"]) ?? "");
        }
    }
}

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
        var (response, sendFailure) = await PlatformHttp.SendAsync(http, publish, "Instagram", repeatable: false, cancellationToken);
        using (response)
        {
            if (sendFailure is not null)
            {
                return sendFailure;
            }

            if (await PlatformHttp.FailureAsync(response!, "Instagram", clock, cancellationToken) is { } refused)
            {
                return refused;
            }

            var body = await PlatformHttp.ReadJsonAsync(response!, cancellationToken);
            return PublishResult.Published(PlatformHttp.String(body?["id"]) ?? "");
        }
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
        var (response, failure) = await PlatformHttp.SendAsync(http, message, "Instagram", repeatable: true, cancellationToken);
        using (response)
        {
            if (failure is not null)
            {
                return (null, failure);
            }

            if (await PlatformHttp.FailureAsync(response!, "Instagram", clock, cancellationToken) is { } refused)
            {
                return (null, refused);
            }

            var id = PlatformHttp.String((await PlatformHttp.ReadJsonAsync(response!, cancellationToken))?["id"]);
            return id is null ? (null, PublishResult.Retry("Instagram created no media container.")) : (id, null);
        }
    }

    /// <summary>Videos are processed before they can be published: poll the container's <c>status_code</c> until FINISHED.</summary>
    private async Task<PublishResult?> WaitUntilReadyAsync(string baseUrl, string containerId, string token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var poll = 0; poll < settings.InstagramVideoPolls; poll++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get,
                PlatformHttp.Url(baseUrl, $"{Uri.EscapeDataString(containerId)}?fields=status_code&access_token={Uri.EscapeDataString(token)}"));
            var (response, failure) = await PlatformHttp.SendAsync(http, message, "Instagram", repeatable: true, cancellationToken);
            using (response)
            {
                if (failure is not null)
                {
                    return failure;
                }

                if (await PlatformHttp.FailureAsync(response!, "Instagram", clock, cancellationToken) is { } refused)
                {
                    return refused;
                }

                var status = PlatformHttp.String((await PlatformHttp.ReadJsonAsync(response!, cancellationToken))?["status_code"]);
                switch (status)
                {
                    case "FINISHED" or "PUBLISHED":
                        return null;
                    case "ERROR" or "EXPIRED":
                        return PublishResult.Rejected($"Instagram could not process the video (status {status}).");
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(settings.InstagramVideoPollSeconds), clock, cancellationToken);
        }

        return PublishResult.Retry("Instagram is still processing the video.");
    }
}

/// <summary>
/// Google Business Profile: <c>POST /v4/accounts/{a}/locations/{l}/localPosts</c> with <c>summary</c> and
/// <c>topicType</c> STANDARD; the post's resource name is its id.
/// </summary>
public sealed class GoogleBusinessPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.GoogleBusiness;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var location = request.AccountId.Trim('/');
        if (!location.StartsWith("accounts/", StringComparison.Ordinal) || !location.Contains("/locations/", StringComparison.Ordinal))
        {
            return PublishResult.Rejected("The Google Business Profile connection needs a location of the form accounts/{account}/locations/{location}.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(options.Value.GoogleBusiness.BaseUrl, $"v4/{location}/localPosts"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Content = JsonContent.Create(new
        {
            languageCode = "en",
            summary = request.Text,
            topicType = "STANDARD",
            media = request.Media.Select(m => new { mediaFormat = m.IsVideo ? "VIDEO" : "PHOTO", sourceUrl = m.Url.ToString() }).ToArray(),
        });
        var (response, failure) = await PlatformHttp.SendAsync(http, message, "Google Business Profile", repeatable: false, cancellationToken);
        using (response)
        {
            if (failure is not null)
            {
                return failure;
            }

            if (await PlatformHttp.FailureAsync(response!, "Google Business Profile", clock, cancellationToken) is { } refused)
            {
                return refused;
            }

            var body = await PlatformHttp.ReadJsonAsync(response!, cancellationToken);
            return PublishResult.Published(PlatformHttp.String(body?["name"]) ?? "");
        }
    }
}
