using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// TikTok's Content Posting API, direct post: the creator's info first (<c>creator_info/query</c>: the privacy chosen must
/// be one TikTok offers this account now, and interactions their settings turned off stay off), then
/// <c>video/init</c> with the caption and settings, the bytes in chunks to the upload address TikTok gives
/// (<c>FILE_UPLOAD</c>; or <c>PULL_FROM_URL</c>, where TikTok fetches the signed link), then <c>status/fetch</c> polled
/// until PUBLISH_COMPLETE or FAILED. With FILE_UPLOAD nothing can appear before the last chunk arrives, so everything
/// before it is retried freely; with PULL_FROM_URL the init itself is the side effect. A video TikTok is still
/// processing when the polls run out is Unconfirmed with its publish id: it is never sent again, so a restart cannot post
/// it twice.
/// </summary>
public sealed class TikTokPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    private const string Network = "TikTok";
    private const long MostInOneChunk = 64L * 1024 * 1024;
    private const long ChunkSize = 10L * 1024 * 1024;

    public SocialPlatform Platform => SocialPlatform.TikTok;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var settings = request.Options ?? PostOptions.Empty;
        if (request.Media is not [{ IsVideo: true } video])
        {
            return PublishResult.Rejected("A TikTok post is one video: choose exactly one video.");
        }

        using var ask = TikTokCreatorsClient.Request(options.Value.TikTok.BaseUrl, request.AccessToken);
        var info = await PlatformHttp.ExchangeAsync(http, ask, Network, repeatable: true, clock, cancellationToken);
        if (info.Failure is not null)
        {
            return info.Failure;
        }

        var creator = TikTokCreatorsClient.Parse(info.Body?["data"]);
        if (settings.Privacy is null || !creator.PrivacyLevelOptions.Contains(settings.Privacy))
        {
            return PublishResult.Rejected(
                $"TikTok does not offer \"{TikTokWords.Privacy(settings.Privacy)}\" to {creator.Nickname} now: choose who can see the video again, then schedule the post again.");
        }

        var pull = options.Value.TikTokPullFromUrl;
        var size = video.Content?.Length ?? 0;
        if (!pull && video.Content is null)
        {
            return PublishResult.Rejected("The video's file could not be read for TikTok.");
        }

        var (chunk, chunks) = Chunks(size);
        var body = new JsonObject
        {
            ["post_info"] = new JsonObject
            {
                ["title"] = request.Text,
                ["privacy_level"] = settings.Privacy,
                ["disable_comment"] = settings.DisableComment || creator.CommentDisabled,
                ["disable_duet"] = settings.DisableDuet || creator.DuetDisabled,
                ["disable_stitch"] = settings.DisableStitch || creator.StitchDisabled,
            },
            ["source_info"] = pull
                ? new JsonObject { ["source"] = "PULL_FROM_URL", ["video_url"] = video.Url.ToString() }
                : new JsonObject { ["source"] = "FILE_UPLOAD", ["video_size"] = size, ["chunk_size"] = chunk, ["total_chunk_count"] = chunks },
        };
        using var init = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(options.Value.TikTok.BaseUrl, "v2/post/publish/video/init/"))
        {
            Content = JsonContent.Create(body),
        };
        init.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        var started = await PlatformHttp.ExchangeAsync(http, init, Network, repeatable: !pull, clock, cancellationToken);
        if (started.Failure is not null)
        {
            return started.Failure;
        }

        var publishId = PlatformHttp.String(started.Body?["data"]?["publish_id"]);
        if (string.IsNullOrEmpty(publishId))
        {
            return pull ? PublishResult.Lost("TikTok accepted the video but named no publish id; check the TikTok profile.") : PublishResult.Retry("TikTok started no upload.");
        }

        if (!pull && await UploadAsync(video.Content!, PlatformHttp.String(started.Body?["data"]?["upload_url"]), chunk, chunks, cancellationToken) is { } failed)
        {
            return failed;
        }

        return await WaitForPostAsync(publishId, request.AccessToken, cancellationToken);
    }

    /// <summary>
    /// TikTok's chunking ("Media Transfer Guide"): a video under 5 MB must go whole and one of up to 64 MB may; a larger
    /// one goes in chunks of 10 MB (chunks are 5 to 64 MB), the last taking the rest (under 20 MB, within the 128 MB
    /// TikTok allows it), so the count is the size divided by the chunk size, rounded down.
    /// </summary>
    public static (long ChunkSize, int Count) Chunks(long size) =>
        size <= MostInOneChunk ? (size, 1) : (ChunkSize, (int)(size / ChunkSize));

    /// <summary>
    /// PUTs the chunks in order (<c>Content-Range: bytes first-last/total</c>), each streamed from the file as it is sent:
    /// the video is never held in memory. Only the last chunk can make the post, so only its lost answer is Unconfirmed.
    /// </summary>
    private async Task<PublishResult?> UploadAsync(MediaContent content, string? uploadUrl, long chunkSize, int chunks, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var target))
        {
            return PublishResult.Retry("TikTok gave no upload address.");
        }

        await using var stream = await content.OpenAsync(cancellationToken);
        long first = 0;
        for (var index = 0; index < chunks; index++)
        {
            var last = index == chunks - 1;
            var length = last ? content.Length - first : chunkSize;
            using var put = new HttpRequestMessage(HttpMethod.Put, target) { Content = new StreamContent(new StreamSlice(stream, length)) };
            put.Content.Headers.ContentType = new MediaTypeHeaderValue(content.MediaType);
            put.Content.Headers.ContentLength = length;
            put.Content.Headers.ContentRange = new ContentRangeHeaderValue(first, first + length - 1, content.Length);
            var sent = await PlatformHttp.ExchangeAsync(http, put, Network, repeatable: !last, clock, readBody: false, cancellationToken);
            if (sent.Failure is not null)
            {
                return sent.Failure;
            }

            first += length;
        }

        return null;
    }

    /// <summary>Polls <c>status/fetch</c>: PUBLISH_COMPLETE is the post, FAILED its reason in words, anything else still going.</summary>
    private async Task<PublishResult> WaitForPostAsync(string publishId, string token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var poll = 0; poll < settings.InstagramVideoPolls; poll++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(settings.TikTok.BaseUrl, "v2/post/publish/status/fetch/"))
            {
                Content = JsonContent.Create(new { publish_id = publishId }),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var answer = await PlatformHttp.ExchangeAsync(http, message, Network, repeatable: true, clock, cancellationToken);
            if (answer.Failure is { Kind: not PublishResultKind.RetryLater })
            {
                // The video is on its way: a refusal of the status request is not a refusal of the post.
                return Pending(publishId);
            }

            var data = answer.Body?["data"];
            switch (PlatformHttp.String(data?["status"]))
            {
                case "PUBLISH_COMPLETE":
                    var ids = data?["publicaly_available_post_id"] as JsonArray;
                    return PublishResult.Published(ids is { Count: > 0 } ? PlatformHttp.String(ids[0]) ?? publishId : publishId);
                case "FAILED":
                    return PublishResult.Rejected($"TikTok could not publish the video: {TikTokWords.FailReason(PlatformHttp.String(data?["fail_reason"]))}.");
            }

            await Task.Delay(TimeSpan.FromSeconds(settings.InstagramVideoPollSeconds), clock, cancellationToken);
        }

        return Pending(publishId);
    }

    private static PublishResult Pending(string publishId) => PublishResult.Lost(
        $"TikTok has the video and was still processing it (publish id {publishId}); it is not sent again. Check the TikTok profile.");
}
