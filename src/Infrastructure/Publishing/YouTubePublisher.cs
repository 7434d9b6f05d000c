using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// YouTube Data API v3 resumable upload: <c>POST /upload/youtube/v3/videos?uploadType=resumable&amp;part=snippet,status</c>
/// with the video's metadata (title, description, tags, privacy, publish time) opens an upload session and answers its
/// address in <c>Location</c>; the bytes then go to that address in one <c>PUT</c>, streamed from storage as they are
/// read. Opening a session creates no video, so it is retried freely; the video exists once the PUT completes. When the
/// PUT's answer is lost, the session is asked how far it got (<c>Content-Range: bytes */{size}</c>): a finished upload is
/// the published video, an unfinished one made no video and is retried, and only a session that cannot say leaves the
/// post Unconfirmed.
/// </summary>
public sealed class YouTubePublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    private const string Network = "YouTube";

    public SocialPlatform Platform => SocialPlatform.YouTube;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var settings = request.Options ?? PostOptions.Empty;
        if (request.Media is not [{ IsVideo: true, Content: { } content }])
        {
            return PublishResult.Rejected("A YouTube post is one video: choose exactly one video.");
        }

        if (string.IsNullOrEmpty(settings.Title))
        {
            return PublishResult.Rejected("The video has no title: give it one, then schedule the post again.");
        }

        using var start = new HttpRequestMessage(HttpMethod.Post,
            PlatformHttp.Url(options.Value.YouTube.BaseUrl, "upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"))
        {
            Content = JsonContent.Create(Metadata(request.Text, settings)),
        };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        start.Headers.Add("X-Upload-Content-Length", content.Length.ToString(CultureInfo.InvariantCulture));
        start.Headers.Add("X-Upload-Content-Type", content.MediaType);
        var session = await PlatformHttp.ExchangeAsync(http, start, Network, repeatable: true, clock, readBody: false, cancellationToken);
        if (session.Failure is not null)
        {
            return session.Failure;
        }

        if (session.Headers?.Location is not { } location)
        {
            return PublishResult.Retry("YouTube opened no upload session.");
        }

        var uploadUrl = location.IsAbsoluteUri ? location : new Uri(new Uri(options.Value.YouTube.BaseUrl), location);
        await using var bytes = await content.OpenAsync(cancellationToken);
        using var put = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new StreamContent(bytes) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(content.MediaType);
        put.Content.Headers.ContentLength = content.Length;
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        var upload = await PlatformHttp.ExchangeAsync(http, put, Network, repeatable: false, clock, cancellationToken);
        if (upload.Failure is { Kind: PublishResultKind.Unconfirmed } lost)
        {
            return await AfterLostAnswerAsync(uploadUrl, content.Length, request.AccessToken, lost, cancellationToken);
        }

        return upload.Failure ?? Uploaded(upload.Body);
    }

    private static JsonObject Metadata(string description, PostOptions settings)
    {
        var snippet = new JsonObject { ["title"] = settings.Title, ["description"] = description, ["categoryId"] = "22" };
        if (settings.Tags is { Count: > 0 } tags)
        {
            snippet["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }

        var status = new JsonObject { ["privacyStatus"] = settings.Privacy ?? "private", ["selfDeclaredMadeForKids"] = false };
        if (settings.PublishAt is { } at)
        {
            status["publishAt"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return new JsonObject { ["snippet"] = snippet, ["status"] = status };
    }

    private static PublishResult Uploaded(JsonNode? video) =>
        PlatformHttp.String(video?["id"]) is { Length: > 0 } id
            ? PublishResult.Published(id)
            : PublishResult.Lost("YouTube took the upload but named no video; check the channel's videos.");

    /// <summary>
    /// Asks the upload session how far it got (an empty PUT with <c>Content-Range: bytes */{size}</c>): 200 or 201 is the
    /// finished video, 308 (Resume Incomplete) an upload that made no video, which is sent again from the start.
    /// </summary>
    private async Task<PublishResult> AfterLostAnswerAsync(Uri uploadUrl, long size, string token, PublishResult lost, CancellationToken cancellationToken)
    {
        using var query = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent([]) };
        query.Content.Headers.ContentRange = new ContentRangeHeaderValue(size);
        query.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(query, cancellationToken);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
            {
                return Uploaded(await PlatformHttp.ReadJsonAsync(response, cancellationToken));
            }

            if ((int)response.StatusCode == 308)
            {
                return PublishResult.Retry("The upload to YouTube broke off before the video was complete; it will be sent again.");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The session cannot say either: the video may exist.
        }

        return lost;
    }
}
