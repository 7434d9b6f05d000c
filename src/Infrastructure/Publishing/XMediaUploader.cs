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
/// X API v2 chunked media upload, with the user's OAuth 2.0 token (scope <c>media.write</c>; the v1.1
/// <c>upload.twitter.com</c> endpoint takes only OAuth 1.0a and is retired): INIT
/// (<c>POST /2/media/upload/initialize</c> with type, size and category), APPEND (<c>POST /2/media/upload/{id}/append</c>,
/// multipart, one chunk per segment, streamed from storage), FINALIZE (<c>POST /2/media/upload/{id}/finalize</c>) and,
/// while <c>processing_info</c> says pending or in progress, STATUS (<c>GET /2/media/upload?command=STATUS</c>) after the
/// <c>check_after_secs</c> X asks for, until succeeded or failed. An image's description goes to
/// <c>POST /2/media/metadata</c>. Images go chunked too, which X recommends for every medium. Nothing here is a post.
/// </summary>
public sealed class XMediaUploader(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialMediaUploader
{
    private const string Network = "X";

    /// <summary>How the post's JSON is written when it may carry media: an absent part is left out, never sent as null.</summary>
    internal static readonly JsonSerializerOptions PostJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private const long ChunkBytes = 4L * 1024 * 1024;

    /// <summary>APPEND's <c>segment_index</c> runs from 0 to 999.</summary>
    private const int MostSegments = 1000;

    public SocialPlatform Platform => SocialPlatform.X;

    public async Task<MediaUpload> UploadAsync(MediaUploadRequest request, CancellationToken cancellationToken)
    {
        var uploaded = new List<PublishMedia>();
        foreach (var medium in request.Media)
        {
            if (medium.Content is not { } content)
            {
                return MediaUpload.Stopped(PublishResult.Rejected("A file of the post could not be read for X."));
            }

            var (id, failure) = await UploadOneAsync(request, medium, content, cancellationToken);
            if (failure is not null)
            {
                return MediaUpload.Stopped(failure);
            }

            uploaded.Add(medium with { NetworkMediaId = id });
            await request.StillWorkingAsync(cancellationToken);
        }

        return MediaUpload.Done(uploaded);
    }

    /// <summary>The post's <c>media</c> for uploaded media (<c>{ media_ids: [...] }</c>), or null for a post without.</summary>
    public static JsonObject? PostMedia(IReadOnlyList<PublishMedia> media)
    {
        var ids = media.Select(m => m.NetworkMediaId).OfType<string>().ToArray();
        return ids.Length == 0 ? null : new JsonObject { ["media_ids"] = new JsonArray(ids.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()) };
    }

    /// <summary>Chunks of 4 MB, larger only where 1,000 of them would not hold the file.</summary>
    public static long ChunkSize(long size) => Math.Max(ChunkBytes, (size + MostSegments - 1) / MostSegments);

    private async Task<(string? Id, PublishResult? Failure)> UploadOneAsync(
        MediaUploadRequest request, PublishMedia medium, MediaContent content, CancellationToken cancellationToken)
    {
        var gif = string.Equals(content.MediaType, "image/gif", StringComparison.OrdinalIgnoreCase);
        using var init = Request(HttpMethod.Post, "2/media/upload/initialize", request.AccessToken);
        init.Content = JsonContent.Create(new JsonObject
        {
            ["media_type"] = content.MediaType,
            ["total_bytes"] = content.Length,
            ["media_category"] = medium.IsVideo ? "tweet_video" : gif ? "tweet_gif" : "tweet_image",
        });
        var started = await PlatformHttp.ExchangeAsync(http, init, Network, repeatable: true, clock, cancellationToken);
        if (started.Failure is not null)
        {
            return (null, started.Failure);
        }

        if (PlatformHttp.String(started.Body?["data"]?["id"]) is not { Length: > 0 } id)
        {
            return (null, PublishResult.Retry("X started no media upload."));
        }

        var path = $"2/media/upload/{Uri.EscapeDataString(id)}";
        if (await AppendAsync(request, path, content, cancellationToken) is { } appendFailure)
        {
            return (null, appendFailure);
        }

        using var finalize = Request(HttpMethod.Post, $"{path}/finalize", request.AccessToken);
        var finalized = await PlatformHttp.ExchangeAsync(http, finalize, Network, repeatable: true, clock, cancellationToken);
        if (finalized.Failure is not null)
        {
            return (null, finalized.Failure);
        }

        if (await WaitUntilProcessedAsync(request, id, medium.IsVideo, finalized.Body?["data"]?["processing_info"], cancellationToken) is { } notReady)
        {
            return (null, notReady);
        }

        if (!medium.IsVideo && medium.AltText is { Length: > 0 } alt)
        {
            using var metadata = Request(HttpMethod.Post, "2/media/metadata", request.AccessToken);
            metadata.Content = JsonContent.Create(new JsonObject
            {
                ["id"] = id, ["metadata"] = new JsonObject { ["alt_text"] = new JsonObject { ["text"] = alt } },
            });
            var described = await PlatformHttp.ExchangeAsync(http, metadata, Network, repeatable: true, clock, cancellationToken);
            if (described.Failure is not null)
            {
                return (null, described.Failure);
            }
        }

        return (id, null);
    }

    /// <summary>APPENDs the file in order, one segment per chunk, each streamed from storage as it is sent.</summary>
    private async Task<PublishResult?> AppendAsync(MediaUploadRequest request, string path, MediaContent content, CancellationToken cancellationToken)
    {
        var chunk = ChunkSize(content.Length);
        await using var stream = await content.OpenAsync(cancellationToken);
        var segment = 0;
        for (long sent = 0; sent < content.Length; sent += chunk, segment++)
        {
            var length = Math.Min(chunk, content.Length - sent);
            var bytes = new StreamContent(new StreamSlice(stream, length));
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            bytes.Headers.ContentLength = length;
            using var form = new MultipartFormDataContent
            {
                { new StringContent(segment.ToString(CultureInfo.InvariantCulture)), "segment_index" },
                { bytes, "media", "chunk" },
            };
            using var append = Request(HttpMethod.Post, $"{path}/append", request.AccessToken);
            append.Content = form;
            var answer = await PlatformHttp.ExchangeAsync(http, append, Network, repeatable: true, clock, readBody: false, cancellationToken);
            if (answer.Failure is not null)
            {
                return answer.Failure;
            }

            await request.StillWorkingAsync(cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// Follows <c>processing_info</c> (pending, in_progress, then succeeded or failed), asking STATUS after the wait X
    /// names: null once the medium may be posted, else what stops the post (a failure with X's reason in words).
    /// </summary>
    private async Task<PublishResult?> WaitUntilProcessedAsync(
        MediaUploadRequest request, string id, bool video, JsonNode? processing, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(options.Value.MediaProcessingTimeoutSeconds);
        var kind = video ? "video" : "image";
        while (processing is not null)
        {
            switch (PlatformHttp.String(processing["state"]))
            {
                case "succeeded":
                    return null;
                case "failed":
                    var reason = PlatformHttp.String(processing["error"]?["message"]);
                    return PublishResult.Rejected(reason is { Length: > 0 }
                        ? $"X could not process the {kind}: {reason.TrimEnd('.')}."
                        : $"X could not process the {kind}.");
            }

            var now = clock.GetUtcNow();
            if (now >= deadline)
            {
                return PublishResult.Retry($"X was still processing the {kind}; the post will be tried again.");
            }

            var wait = long.TryParse(PlatformHttp.String(processing["check_after_secs"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 60))
                : TimeSpan.FromSeconds(1);
            await request.StillWorkingAsync(cancellationToken);
            await Task.Delay(wait < deadline - now ? wait : deadline - now, clock, cancellationToken);
            using var status = Request(HttpMethod.Get, $"2/media/upload?command=STATUS&media_id={Uri.EscapeDataString(id)}", request.AccessToken);
            var answer = await PlatformHttp.ExchangeAsync(http, status, Network, repeatable: true, clock, cancellationToken);
            if (answer.Failure is not null)
            {
                return answer.Failure;
            }

            // STATUS of a medium that needs no more processing may come without processing_info: it is ready.
            processing = answer.Body?["data"]?["processing_info"];
        }

        return null;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var message = new HttpRequestMessage(method, PlatformHttp.Url(options.Value.X.BaseUrl, path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }
}
