using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// Pinterest API v5: a pin (<c>POST /v5/pins</c>) on the board the post names, with its title, description, link and
/// alt text. An image goes by its signed link (<c>media_source.source_type = image_url</c>: Pinterest fetches it). A
/// video is registered (<c>POST /v5/media</c>), its bytes streamed to the upload address Pinterest gives (a form POST
/// with Pinterest's <c>upload_parameters</c>), its status polled (<c>GET /v5/media/{id}</c>) until <c>succeeded</c>, and
/// only then pinned by <c>video_id</c>. Everything before the pin is harmless to repeat; only the pin's lost answer
/// makes the post Unconfirmed, and a video still processing when the polls run out is retried later (no pin yet).
/// </summary>
public sealed class PinterestPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    private const string Network = "Pinterest";

    public SocialPlatform Platform => SocialPlatform.Pinterest;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var settings = request.Options ?? PostOptions.Empty;
        if (string.IsNullOrEmpty(settings.BoardId))
        {
            return PublishResult.Rejected("The pin has no board: choose a Pinterest board for the post, then schedule it again.");
        }

        if (request.Media.Count == 0)
        {
            return PublishResult.Rejected("A pin needs an image or a video.");
        }

        var medium = request.Media[0];
        JsonObject source;
        if (medium.IsVideo)
        {
            var (mediaId, failure) = await UploadVideoAsync(medium, request.AccessToken, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            source = new JsonObject { ["source_type"] = "video_id", ["media_id"] = mediaId, ["cover_image_key_frame_time"] = 0 };
        }
        else
        {
            source = new JsonObject { ["source_type"] = "image_url", ["url"] = medium.Url.ToString() };
        }

        var pin = new JsonObject { ["board_id"] = settings.BoardId, ["description"] = request.Text, ["media_source"] = source };
        if (settings.Title is { Length: > 0 } title)
        {
            pin["title"] = title;
        }

        if (settings.Link is { Length: > 0 } link)
        {
            pin["link"] = link;
        }

        if (medium.AltText is { Length: > 0 } alt)
        {
            pin["alt_text"] = alt.Length > 500 ? alt[..500] : alt;
        }

        using var message = Message(HttpMethod.Post, "v5/pins", request.AccessToken, JsonContent.Create(pin));
        var answer = await PlatformHttp.ExchangeAsync(http, message, Network, repeatable: false, clock, cancellationToken);
        return answer.Failure ?? PublishResult.Published(PlatformHttp.String(answer.Body?["id"]) ?? "");
    }

    private HttpRequestMessage Message(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var message = new HttpRequestMessage(method, PlatformHttp.Url(options.Value.Pinterest.BaseUrl, path)) { Content = content };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }

    private async Task<(string? MediaId, PublishResult? Failure)> UploadVideoAsync(PublishMedia medium, string token, CancellationToken cancellationToken)
    {
        if (medium.Content is not { } content)
        {
            return (null, PublishResult.Rejected("The video's file could not be read for Pinterest."));
        }

        using var register = Message(HttpMethod.Post, "v5/media", token, JsonContent.Create(new { media_type = "video" }));
        var registered = await PlatformHttp.ExchangeAsync(http, register, Network, repeatable: true, clock, cancellationToken);
        if (registered.Failure is not null)
        {
            return (null, registered.Failure);
        }

        var mediaId = PlatformHttp.String(registered.Body?["media_id"]);
        var uploadUrl = PlatformHttp.String(registered.Body?["upload_url"]);
        if (string.IsNullOrEmpty(mediaId) || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uploadUri))
        {
            return (null, PublishResult.Retry("Pinterest registered the video without an upload address."));
        }

        // The upload address is a storage bucket's form POST: Pinterest's parameters first, the file last, streamed.
        await using var bytes = await content.OpenAsync(cancellationToken);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in registered.Body?["upload_parameters"] as JsonObject ?? new JsonObject())
        {
            form.Add(new StringContent(PlatformHttp.String(value) ?? ""), name);
        }

        var file = new StreamContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(content.MediaType);
        file.Headers.ContentLength = content.Length;
        form.Add(file, "file", "video");
        using var upload = new HttpRequestMessage(HttpMethod.Post, uploadUri) { Content = form };
        var uploaded = await PlatformHttp.ExchangeAsync(http, upload, Network, repeatable: true, clock, readBody: false, cancellationToken);
        if (uploaded.Failure is not null)
        {
            return (null, uploaded.Failure);
        }

        return (mediaId, await WaitUntilProcessedAsync(mediaId, token, cancellationToken));
    }

    /// <summary>Polls <c>GET /v5/media/{id}</c>: <c>registered</c>, <c>processing</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    private async Task<PublishResult?> WaitUntilProcessedAsync(string mediaId, string token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var poll = 0; poll < settings.InstagramVideoPolls; poll++)
        {
            using var message = Message(HttpMethod.Get, $"v5/media/{Uri.EscapeDataString(mediaId)}", token);
            var answer = await PlatformHttp.ExchangeAsync(http, message, Network, repeatable: true, clock, cancellationToken);
            if (answer.Failure is not null)
            {
                return answer.Failure;
            }

            switch (PlatformHttp.String(answer.Body?["status"]))
            {
                case "succeeded":
                    return null;
                case "failed":
                    return PublishResult.Rejected("Pinterest could not process the video: check that it is an MP4 or MOV file of 4 seconds to 15 minutes.");
            }

            await Task.Delay(TimeSpan.FromSeconds(settings.InstagramVideoPollSeconds), clock, cancellationToken);
        }

        // No pin was made: the next attempt uploads the video again, which cannot post twice.
        return PublishResult.Retry("Pinterest is still processing the video; the pin will be tried again.");
    }
}
