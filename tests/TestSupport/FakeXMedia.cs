using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WireMock;

namespace BrandAutomator.TestSupport;

/// <summary>
/// X API v2 media upload for <see cref="FakePlatforms"/>, in its wire format (errors are problem details:
/// <c>{"title", "detail", "type", "status"}</c>). INIT (<c>POST /2/media/upload/initialize</c>: media type, size and a
/// category that fits the type), APPEND (<c>POST /2/media/upload/{id}/append</c>, multipart: segments in order from 0, at
/// most 5 MB each), FINALIZE (<c>POST /2/media/upload/{id}/finalize</c>: the segments must add up to the size; videos and
/// GIFs answer <c>processing_info</c> pending), STATUS (<c>GET /2/media/upload?command=STATUS&amp;media_id=</c>:
/// in_progress, then succeeded; a script can answer <see cref="ProcessingFailed"/>), and metadata
/// (<c>POST /2/media/metadata</c>: alt text up to 1,000 characters). A post (<c>POST /2/tweets</c>) naming media that are
/// not finalized and processed is refused, as X does.
/// </summary>
public static class FakeXMedia
{
    private const long MostPerSegment = 5L * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, Media> Uploads = new(StringComparer.Ordinal);

    public static bool Owns(string kind) => kind.StartsWith("x-media", StringComparison.Ordinal);

    public static string? Kind(IRequestMessage request)
    {
        var path = request.AbsolutePath;
        return (request.Method, path) switch
        {
            ("POST", "/2/media/upload/initialize") => "x-media-init",
            ("POST", "/2/media/metadata") => "x-media-metadata",
            ("GET", "/2/media/upload") => "x-media-status",
            ("POST", _) when path.StartsWith("/2/media/upload/", StringComparison.Ordinal) && path.EndsWith("/append", StringComparison.Ordinal) => "x-media-append",
            ("POST", _) when path.StartsWith("/2/media/upload/", StringComparison.Ordinal) && path.EndsWith("/finalize", StringComparison.Ordinal) => "x-media-finalize",
            _ => null,
        };
    }

    /// <summary>What STATUS says of a medium X could not process, with X's error.</summary>
    public static FakeAnswer ProcessingFailed(string name, string message) => new(200, new JsonObject
    {
        ["data"] = new JsonObject
        {
            ["id"] = "0",
            ["processing_info"] = new JsonObject
            {
                ["state"] = "failed", ["progress_percent"] = 12, ["error"] = new JsonObject { ["code"] = 1, ["name"] = name, ["message"] = message },
            },
        },
    }.ToJsonString());

    /// <summary>The alt text X keeps for a media id, or null.</summary>
    public static string? AltText(string mediaId) => Uploads.TryGetValue(mediaId, out var media) ? media.AltText : null;

    /// <summary>The bytes X received for a media id, and in how many segments.</summary>
    public static (long Bytes, int Segments) Received(string mediaId) => Uploads.TryGetValue(mediaId, out var media) ? (media.Received, media.Segments) : (-1, 0);

    public static IResponseMessage Answer(string kind, IRequestMessage request, long id)
    {
        if (FakeHeaders.Get(request, "Authorization") is not { } bearer || !bearer.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Problem(401, "Unauthorized", "Unauthorized");
        }

        switch (kind)
        {
            case "x-media-init":
            {
                var body = JsonNode.Parse(request.Body ?? "{}");
                var type = body?["media_type"]?.GetValue<string>() ?? "";
                var size = body?["total_bytes"]?.GetValue<long>() ?? 0;
                var category = body?["media_category"]?.GetValue<string>() ?? "";
                var fits = category switch
                {
                    "tweet_image" => type is "image/jpeg" or "image/png" or "image/webp",
                    "tweet_gif" => type == "image/gif",
                    "tweet_video" => type is "video/mp4" or "video/quicktime",
                    _ => false,
                };
                if (!fits || size <= 0)
                {
                    return Problem(400, "Invalid Request", $"media_category {category} does not take {type} of {size} bytes.");
                }

                var mediaId = (1_880_000_000_000_000_000L + id).ToString(CultureInfo.InvariantCulture);
                Uploads[mediaId] = new Media(size, category, 0, 0, Finalized: false, State: null, AltText: null);
                return Json(new JsonObject
                {
                    ["data"] = new JsonObject { ["id"] = mediaId, ["media_key"] = $"13_{mediaId}", ["expires_after_secs"] = 86_400 },
                });
            }

            case "x-media-append":
                return Append(request);

            case "x-media-finalize":
            {
                var mediaId = request.AbsolutePath.Split('/')[4];
                if (!Uploads.TryGetValue(mediaId, out var media))
                {
                    return Problem(400, "Invalid Request", "The media id is not valid.");
                }

                if (media.Received != media.Size)
                {
                    return Problem(400, "Invalid Request", "Segments do not add up to provided total file size.");
                }

                var processed = media.Category is "tweet_video" or "tweet_gif";
                Uploads[mediaId] = media with { Finalized = true, State = processed ? "pending" : "succeeded" };
                var data = new JsonObject { ["id"] = mediaId, ["media_key"] = $"13_{mediaId}", ["size"] = media.Size, ["expires_after_secs"] = 86_400 };
                if (processed)
                {
                    data["processing_info"] = new JsonObject { ["state"] = "pending", ["check_after_secs"] = 1 };
                }

                return Json(new JsonObject { ["data"] = data });
            }

            case "x-media-status":
            {
                var mediaId = request.Query?.TryGetValue("media_id", out var ids) == true ? ids.FirstOrDefault() ?? "" : "";
                var command = request.Query?.TryGetValue("command", out var commands) == true ? commands.FirstOrDefault() : null;
                if (command != "STATUS" ||
                    !Uploads.TryGetValue(mediaId, out var media) || !media.Finalized)
                {
                    return Problem(400, "Invalid Request", "STATUS needs command=STATUS and the media_id of a finalized upload.");
                }

                // pending -> in_progress -> succeeded, one step per STATUS.
                var state = media.State == "pending" ? "in_progress" : "succeeded";
                Uploads[mediaId] = media with { State = state };
                var info = new JsonObject { ["state"] = state };
                if (state == "in_progress")
                {
                    info["check_after_secs"] = 1;
                    info["progress_percent"] = 40;
                }

                return Json(new JsonObject { ["data"] = new JsonObject { ["id"] = mediaId, ["media_key"] = $"13_{mediaId}", ["processing_info"] = info } });
            }

            case "x-media-metadata":
            {
                var body = JsonNode.Parse(request.Body ?? "{}");
                var mediaId = body?["id"]?.GetValue<string>() ?? "";
                var alt = body?["metadata"]?["alt_text"]?["text"]?.GetValue<string>();
                if (!Uploads.TryGetValue(mediaId, out var media) || alt is null || alt.Length > 1000)
                {
                    return Problem(400, "Invalid Request", "metadata.alt_text.text must be 1 to 1000 characters for an uploaded media id.");
                }

                Uploads[mediaId] = media with { AltText = alt };
                return Json(new JsonObject { ["data"] = new JsonObject { ["id"] = mediaId, ["associated_metadata"] = new JsonObject { ["alt_text"] = new JsonObject { ["text"] = alt } } } });
            }

            default:
                return Problem(404, "Not Found", "Not found.");
        }
    }

    /// <summary>X's refusal of a post naming media ids that are unknown or not processed; null when the post may go.</summary>
    public static IResponseMessage? RefusePost(string body)
    {
        JsonArray? ids;
        try
        {
            ids = JsonNode.Parse(body)?["media"]?["media_ids"] as JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        foreach (var id in ids?.Select(i => i?.GetValue<string>() ?? "") ?? [])
        {
            if (!Uploads.TryGetValue(id, out var media) || !media.Finalized || media.State != "succeeded")
            {
                return Problem(400, "Invalid Request", "Your media IDs are invalid.");
            }
        }

        return null;
    }

    private static IResponseMessage Append(IRequestMessage request)
    {
        var mediaId = request.AbsolutePath.Split('/')[4];
        if (!Uploads.TryGetValue(mediaId, out var media))
        {
            return Problem(400, "Invalid Request", "The media id is not valid.");
        }

        var (segment, bytes) = ReadForm(request);
        if (segment != media.Segments || bytes is null || bytes.LongLength > MostPerSegment || media.Received + bytes.LongLength > media.Size)
        {
            return Problem(400, "Invalid Request", $"Segment {segment} of {bytes?.LongLength ?? 0} bytes does not continue the upload.");
        }

        Uploads[mediaId] = media with { Received = media.Received + bytes.LongLength, Segments = media.Segments + 1 };
        return Json(new JsonObject { ["data"] = new JsonObject { ["expires_at"] = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds() } });
    }

    /// <summary>The multipart form's <c>segment_index</c> and <c>media</c> file.</summary>
    private static (int Segment, byte[]? Media) ReadForm(IRequestMessage request)
    {
        var type = FakeHeaders.Get(request, "Content-Type") ?? "";
        if (!MediaTypeHeaderValue.TryParse(type, out var parsed) || HeaderUtilities.RemoveQuotes(parsed.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (-1, null);
        }

        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyAsBytes ?? []));
        int segment = -1;
        byte[]? media = null;
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var copy = new MemoryStream();
            section.Body.CopyTo(copy);
            switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
            {
                case "segment_index":
                    segment = int.Parse(System.Text.Encoding.UTF8.GetString(copy.ToArray()), CultureInfo.InvariantCulture);
                    break;
                case "media":
                    media = copy.ToArray();
                    break;
            }
        }

        return (segment, media);
    }

    private static IResponseMessage Json(JsonObject body) => FakePlatforms.Build(200, body.ToJsonString());

    private static IResponseMessage Problem(int status, string title, string detail) => FakePlatforms.Build(status,
        new JsonObject { ["title"] = title, ["detail"] = detail, ["type"] = "https://api.x.com/2/problems/invalid-request", ["status"] = status }.ToJsonString());

    private sealed record Media(long Size, string Category, long Received, int Segments, bool Finalized, string? State, string? AltText);
}
