using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;

namespace BrandAutomator.TestSupport;

/// <summary>
/// YouTube Data API v3 answers for <see cref="FakePlatforms"/>, in its wire format: the resumable upload's start
/// (<c>POST /upload/youtube/v3/videos?uploadType=resumable&amp;part=snippet,status</c>: checks the title, the privacy,
/// <c>publishAt</c> only with private, and <c>X-Upload-Content-Length</c>; 200 with the session in <c>Location</c>, whose
/// <c>upload_id</c> carries the post's marker), the upload (<c>PUT</c> of exactly that many bytes: 200 with the video
/// resource), and the session's status (<c>PUT</c> with <c>Content-Range: bytes */{size}</c>: the video when the upload
/// finished, else 308 Resume Incomplete), and <c>GET /youtube/v3/channels</c>. Errors are Google's
/// <c>{ "error": { "code", "message", "errors": [{ "reason" }] } }</c>.
/// </summary>
public static class FakeYouTube
{
    public const string ChannelId = "UCacme0000000000000000001";

    private static readonly ConcurrentDictionary<string, (long Size, string? Video)> Sessions = new(StringComparer.Ordinal);

    public static string? Kind(IRequestMessage request)
    {
        var path = request.AbsolutePath;
        if (path == "/youtube/v3/channels")
        {
            return "youtube-channels";
        }

        if (path != "/upload/youtube/v3/videos")
        {
            return null;
        }

        return request.Method switch
        {
            "POST" => "youtube-init",
            "PUT" when Header(request, "Content-Range") is { } range && range.StartsWith("bytes */", StringComparison.Ordinal) => "youtube-resume",
            "PUT" => "youtube",
            _ => "youtube-unknown",
        };
    }

    /// <summary>The 403 YouTube answers when the project's daily quota is spent.</summary>
    public static FakeAnswer QuotaExceeded() => new(403,
        """{"error":{"code":403,"message":"The request cannot be completed because you have exceeded your quota.","errors":[{"message":"quota","domain":"youtube.quota","reason":"quotaExceeded"}]}}""");

    public static IResponseMessage Answer(string kind, IRequestMessage request, long id, string? marker)
    {
        if (Header(request, "Authorization") is not { } bearer || !bearer.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error(401, "authError", "Request had invalid authentication credentials.");
        }

        switch (kind)
        {
            case "youtube-channels":
                return Json(200, new JsonObject
                {
                    ["kind"] = "youtube#channelListResponse",
                    ["items"] = new JsonArray(new JsonObject
                    {
                        ["kind"] = "youtube#channel", ["id"] = ChannelId,
                        ["snippet"] = new JsonObject { ["title"] = "Acme Bakery", ["customUrl"] = "@acmebakery" },
                    }),
                });
            case "youtube-init":
            {
                var body = JsonNode.Parse(request.Body ?? "{}");
                var title = body?["snippet"]?["title"]?.GetValue<string>() ?? "";
                var privacy = body?["status"]?["privacyStatus"]?.GetValue<string>();
                if (title.Length is 0 or > 100 || privacy is not ("public" or "unlisted" or "private"))
                {
                    return Error(400, "invalidTitle", "The request metadata specifies an invalid or empty video title or privacy status.");
                }

                if (body?["status"]?["publishAt"] is not null && privacy != "private")
                {
                    return Error(400, "invalidPublishAt", "The request metadata specifies an invalid scheduled publishing time.");
                }

                if (!long.TryParse(Header(request, "X-Upload-Content-Length"), out var size) || size <= 0)
                {
                    return Error(400, "badContent", "X-Upload-Content-Length is required.");
                }

                var upload = $"up-{marker ?? "none"}-{id}";
                Sessions[upload] = (size, null);
                var origin = new Uri(request.Url).GetLeftPart(UriPartial.Authority);
                return FakePlatforms.Build(200, "", new Dictionary<string, string>
                {
                    ["Location"] = $"{origin}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status&upload_id={upload}",
                });
            }

            case "youtube" or "youtube-resume":
            {
                var upload = request.Query?.TryGetValue("upload_id", out var values) == true ? values.FirstOrDefault() ?? "" : "";
                if (!Sessions.TryGetValue(upload, out var session))
                {
                    return Error(404, "notFound", "The upload session does not exist.");
                }

                if (kind == "youtube-resume")
                {
                    return session.Video is { } done ? Video(done, upload) : FakePlatforms.Build(308, "");
                }

                if ((request.BodyAsBytes?.LongLength ?? 0) != session.Size)
                {
                    return Error(400, "badContent", "The upload did not carry the announced number of bytes.");
                }

                var video = $"yt{id}";
                Sessions[upload] = (session.Size, video);
                return Video(video, upload);
            }

            default:
                return Error(404, "notFound", "Not found.");
        }
    }

    private static IResponseMessage Video(string id, string upload) => Json(200, new JsonObject
    {
        ["kind"] = "youtube#video", ["id"] = id,
        ["status"] = new JsonObject { ["uploadStatus"] = "uploaded" },
        ["upload"] = upload,
    });

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is WireMockList<string> values
            ? values.FirstOrDefault()
            : null;

    private static IResponseMessage Error(int status, string reason, string message) => Json(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = status, ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "youtube", ["reason"] = reason }),
        },
    });

    private static IResponseMessage Json(int status, JsonNode body) => FakePlatforms.Build(status, body.ToJsonString());
}
