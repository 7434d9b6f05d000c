using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// LinkedIn's Images and Videos APIs (versioned REST, <c>LinkedIn-Version</c> and <c>X-Restli-Protocol-Version: 2.0.0</c>).
/// An image: <c>POST /rest/images?action=initializeUpload</c> with its owner answers an upload address and the image's
/// URN; the bytes go there in one <c>PUT</c>, and <c>GET /rest/images/{urn}</c> says when it is AVAILABLE. A video: <c>POST /rest/videos?action=initializeUpload</c> with its size
/// answers upload instructions (a byte range and address per part); each part is PUT, streamed from storage, and its
/// <c>ETag</c> kept; <c>action=finalizeUpload</c> with those ETags completes it, and <c>GET /rest/videos/{urn}</c> is
/// polled until AVAILABLE or PROCESSING_FAILED. Nothing here is a post, so every step is safe to repeat.
/// </summary>
public sealed class LinkedInMediaUploader(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialMediaUploader
{
    private const string Network = "LinkedIn";

    /// <summary>How the post's JSON is written when it may carry media: an absent part is left out, never sent as null.</summary>
    internal static readonly JsonSerializerOptions PostJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public SocialPlatform Platform => SocialPlatform.LinkedIn;

    public async Task<MediaUpload> UploadAsync(MediaUploadRequest request, CancellationToken cancellationToken)
    {
        var uploaded = new List<PublishMedia>();
        foreach (var medium in request.Media)
        {
            if (medium.Content is not { } content)
            {
                return MediaUpload.Stopped(PublishResult.Rejected("A file of the post could not be read for LinkedIn."));
            }

            var (urn, failure) = medium.IsVideo
                ? await UploadVideoAsync(request, content, cancellationToken)
                : await UploadImageAsync(request, content, cancellationToken);
            if (failure is not null)
            {
                return MediaUpload.Stopped(failure);
            }

            uploaded.Add(medium with { NetworkMediaId = urn });
            await request.StillWorkingAsync(cancellationToken);
        }

        return MediaUpload.Done(uploaded);
    }

    /// <summary>
    /// The post's <c>content</c> for uploaded media: one image (with its alt text) or one video as <c>media</c>, several
    /// images as <c>multiImage</c>; null for a post without uploaded media.
    /// </summary>
    public static JsonObject? PostContent(IReadOnlyList<PublishMedia> media)
    {
        var uploaded = media.Where(m => m.NetworkMediaId is not null).ToList();
        if (uploaded.Count == 0)
        {
            return null;
        }

        JsonObject Item(PublishMedia m)
        {
            var item = new JsonObject { ["id"] = m.NetworkMediaId };
            if (!m.IsVideo && m.AltText is { Length: > 0 } alt)
            {
                item["altText"] = alt;
            }

            return item;
        }

        return uploaded.Count == 1
            ? new JsonObject { ["media"] = Item(uploaded[0]) }
            : new JsonObject { ["multiImage"] = new JsonObject { ["images"] = new JsonArray(uploaded.Select(m => (JsonNode)Item(m)).ToArray()) } };
    }

    private async Task<(string? Urn, PublishResult? Failure)> UploadImageAsync(MediaUploadRequest request, MediaContent content, CancellationToken cancellationToken)
    {
        using var init = Rest(HttpMethod.Post, "rest/images?action=initializeUpload", request.AccessToken,
            new JsonObject { ["initializeUploadRequest"] = new JsonObject { ["owner"] = request.AccountId } });
        var started = await PlatformHttp.ExchangeAsync(http, init, Network, repeatable: true, clock, cancellationToken);
        if (started.Failure is not null)
        {
            return (null, started.Failure);
        }

        var image = PlatformHttp.String(started.Body?["value"]?["image"]);
        if (image is null || !Uri.TryCreate(PlatformHttp.String(started.Body?["value"]?["uploadUrl"]), UriKind.Absolute, out var target))
        {
            return (null, PublishResult.Retry("LinkedIn gave no upload address for the image."));
        }

        await using var stream = await content.OpenAsync(cancellationToken);
        using var put = Part(target, stream, content.Length);
        // The Images API's upload address takes the member's token (the video part addresses are signed on their own).
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        var sent = await PlatformHttp.ExchangeAsync(http, put, Network, repeatable: true, clock, readBody: false, cancellationToken);
        if (sent.Failure is not null)
        {
            return (null, sent.Failure);
        }

        var ready = await WaitUntilAvailableAsync(request, "images", image, cancellationToken);
        return ready is null ? (image, null) : (null, ready);
    }

    private async Task<(string? Urn, PublishResult? Failure)> UploadVideoAsync(MediaUploadRequest request, MediaContent content, CancellationToken cancellationToken)
    {
        using var init = Rest(HttpMethod.Post, "rest/videos?action=initializeUpload", request.AccessToken, new JsonObject
        {
            ["initializeUploadRequest"] = new JsonObject
            {
                ["owner"] = request.AccountId, ["fileSizeBytes"] = content.Length, ["uploadCaptions"] = false, ["uploadThumbnail"] = false,
            },
        });
        var started = await PlatformHttp.ExchangeAsync(http, init, Network, repeatable: true, clock, cancellationToken);
        if (started.Failure is not null)
        {
            return (null, started.Failure);
        }

        var value = started.Body?["value"];
        var video = PlatformHttp.String(value?["video"]);
        var parts = Instructions(value?["uploadInstructions"], content.Length);
        if (video is null || parts is null)
        {
            return (null, PublishResult.Retry("LinkedIn gave no complete upload instructions for the video."));
        }

        var etags = new JsonArray();
        await using (var stream = await content.OpenAsync(cancellationToken))
        {
            foreach (var (target, length) in parts)
            {
                using var put = Part(target, stream, length);
                var sent = await PlatformHttp.ExchangeAsync(http, put, Network, repeatable: true, clock, readBody: false, cancellationToken);
                if (sent.Failure is not null)
                {
                    return (null, sent.Failure);
                }

                if (!sent.Headers!.TryGetValues("ETag", out var values) || values.FirstOrDefault() is not { Length: > 0 } etag)
                {
                    return (null, PublishResult.Retry("LinkedIn took a part of the video without naming it (no ETag)."));
                }

                etags.Add(etag);
                await request.StillWorkingAsync(cancellationToken);
            }
        }

        using var finalize = Rest(HttpMethod.Post, "rest/videos?action=finalizeUpload", request.AccessToken, new JsonObject
        {
            ["finalizeUploadRequest"] = new JsonObject
            {
                ["video"] = video, ["uploadToken"] = PlatformHttp.String(value?["uploadToken"]) ?? "", ["uploadedPartIds"] = etags,
            },
        });
        var finalized = await PlatformHttp.ExchangeAsync(http, finalize, Network, repeatable: true, clock, readBody: false, cancellationToken);
        if (finalized.Failure is not null)
        {
            return (null, finalized.Failure);
        }

        var ready = await WaitUntilAvailableAsync(request, "videos", video, cancellationToken);
        return ready is null ? (video, null) : (null, ready);
    }

    /// <summary>The parts in byte order, each an address and a length; null unless they cover the file exactly once.</summary>
    private static List<(Uri Target, long Length)>? Instructions(JsonNode? instructions, long size)
    {
        if (instructions is not JsonArray { Count: > 0 } list)
        {
            return null;
        }

        var parts = new List<(long First, long Last, Uri Target)>();
        foreach (var part in list)
        {
            if (!long.TryParse(PlatformHttp.String(part?["firstByte"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var first) ||
                !long.TryParse(PlatformHttp.String(part?["lastByte"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var last) ||
                !Uri.TryCreate(PlatformHttp.String(part?["uploadUrl"]), UriKind.Absolute, out var target))
            {
                return null;
            }

            parts.Add((first, last, target));
        }

        parts.Sort((a, b) => a.First.CompareTo(b.First));
        var next = 0L;
        foreach (var (first, last, _) in parts)
        {
            if (first != next || last < first)
            {
                return null;
            }

            next = last + 1;
        }

        return next == size ? parts.Select(p => (p.Target, p.Last - p.First + 1)).ToList() : null;
    }

    /// <summary>
    /// Polls the image or video (<paramref name="collection"/> <c>images</c> or <c>videos</c>) until LinkedIn has
    /// processed it: null once AVAILABLE, else what stops the post.
    /// </summary>
    private async Task<PublishResult?> WaitUntilAvailableAsync(MediaUploadRequest request, string collection, string urn, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var kind = collection == "images" ? "image" : "video";
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(settings.MediaProcessingTimeoutSeconds);
        while (true)
        {
            using var ask = Rest(HttpMethod.Get, $"rest/{collection}/{Uri.EscapeDataString(urn)}", request.AccessToken, null);
            var answer = await PlatformHttp.ExchangeAsync(http, ask, Network, repeatable: true, clock, cancellationToken);
            if (answer.Failure is { Kind: PublishResultKind.Rejected })
            {
                // A token that may upload but not read the medium (w_member_social alone): LinkedIn shows the post
                // once the medium is processed, so the post goes out without waiting.
                return null;
            }

            if (answer.Failure is not null)
            {
                return answer.Failure;
            }

            switch (PlatformHttp.String(answer.Body?["status"]))
            {
                case "AVAILABLE":
                    return null;
                case "PROCESSING_FAILED":
                    var reason = PlatformHttp.String(answer.Body?["processingFailureReason"]);
                    return PublishResult.Rejected(reason is { Length: > 0 }
                        ? $"LinkedIn could not process the {kind}: {reason.TrimEnd('.')}."
                        : $"LinkedIn could not process the {kind}.");
            }

            if (clock.GetUtcNow() >= deadline)
            {
                return PublishResult.Retry($"LinkedIn was still processing the {kind}; the post will be tried again.");
            }

            await request.StillWorkingAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(settings.InstagramVideoPollSeconds), clock, cancellationToken);
        }
    }

    private HttpRequestMessage Rest(HttpMethod method, string path, string token, JsonObject? body)
    {
        var settings = options.Value;
        var message = new HttpRequestMessage(method, PlatformHttp.Url(settings.LinkedIn.BaseUrl, path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Add("LinkedIn-Version", settings.LinkedInVersion);
        message.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }

        return message;
    }

    /// <summary>The next <paramref name="length"/> bytes of the file as one PUT, read from storage as they are sent.</summary>
    private static HttpRequestMessage Part(Uri target, Stream stream, long length)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, target) { Content = new StreamContent(new StreamSlice(stream, length)) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        put.Content.Headers.ContentLength = length;
        return put;
    }
}
