using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Types;

namespace BrandAutomator.TestSupport;

/// <summary>
/// TikTok's Content Posting API answers for <see cref="FakePlatforms"/>, in its wire format (every answer carries
/// <c>{"error": {"code": "ok" | name, "message", "log_id"}}</c>): <c>creator_info/query</c> (three privacy levels, not
/// FOLLOWER_OF_CREATOR; stitches off by the creator), <c>video/init</c> (checks the privacy against those options and
/// TikTok's chunk rules; FILE_UPLOAD answers an upload address whose <c>upload_id</c> carries the post's marker, and the
/// publish id carries it too; PULL_FROM_URL is itself the post), the chunk PUTs (<c>Content-Range</c>; 206, then 201 for
/// the last, which is the post), <c>status/fetch</c> (PROCESSING_UPLOAD once, then PUBLISH_COMPLETE with the post's id)
/// and <c>GET /v2/user/info/</c>.
/// </summary>
public static partial class FakeTikTok
{
    public const string OpenId = "tiktok-open-id-acme";

    private static readonly ConcurrentDictionary<string, (long Size, long Received)> Uploads = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> Polls = new(StringComparer.Ordinal);

    public static string? Kind(IRequestMessage request) => request.AbsolutePath switch
    {
        "/v2/post/publish/creator_info/query/" => "tiktok-creator",
        "/v2/post/publish/video/init/" => (request.Body ?? "").Contains("PULL_FROM_URL", StringComparison.Ordinal) ? "tiktok" : "tiktok-init",
        "/v2/post/publish/status/fetch/" => "tiktok-status",
        "/v2/user/info/" => "tiktok-user",
        "/tiktok-upload/" => IsLastChunk(request) ? "tiktok" : "tiktok-chunk",
        _ => null,
    };

    /// <summary>What <c>status/fetch</c> says of a post that failed, with TikTok's reason.</summary>
    public static FakeAnswer Failed(string reason) => new(200,
        $$$"""{"data":{"status":"FAILED","fail_reason":"{{{reason}}}"},"error":{"code":"ok","message":"","log_id":"fake"}}""");

    public static IResponseMessage Answer(string kind, IRequestMessage request, long id, string? marker)
    {
        if (kind is "tiktok" or "tiktok-chunk" && request.AbsolutePath == "/tiktok-upload/")
        {
            return Chunk(request, kind);
        }

        if (Header(request, "Authorization") is not { } bearer || !bearer.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error(401, "access_token_invalid", "The access token is invalid or not found in the request.");
        }

        var body = string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body);
        switch (kind)
        {
            case "tiktok-user":
                return Ok(new JsonObject { ["user"] = new JsonObject { ["open_id"] = OpenId, ["display_name"] = "Acme Bakery" } });
            case "tiktok-creator":
                return Ok(new JsonObject
                {
                    ["creator_avatar_url"] = "https://p16.tiktokcdn.test/acme.jpeg", ["creator_username"] = "acmebakery", ["creator_nickname"] = "Acme Bakery",
                    ["privacy_level_options"] = new JsonArray("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"),
                    ["comment_disabled"] = false, ["duet_disabled"] = false, ["stitch_disabled"] = true, ["max_video_post_duration_sec"] = 600,
                });
            case "tiktok" or "tiktok-init":
            {
                var privacy = body?["post_info"]?["privacy_level"]?.GetValue<string>();
                if (privacy is not ("PUBLIC_TO_EVERYONE" or "MUTUAL_FOLLOW_FRIENDS" or "SELF_ONLY"))
                {
                    return Error(400, "privacy_level_option_mismatch", "privacy_level is not one of the creator's privacy_level_options.");
                }

                var source = body?["source_info"];
                var publishId = $"v_pub_file~v2-1.{marker ?? "none"}.{id}";
                if (source?["source"]?.GetValue<string>() == "PULL_FROM_URL")
                {
                    Uploads[publishId] = (1, 1);
                    return Ok(new JsonObject { ["publish_id"] = publishId });
                }

                var size = source?["video_size"]?.GetValue<long>() ?? 0;
                var chunk = source?["chunk_size"]?.GetValue<long>() ?? 0;
                var count = source?["total_chunk_count"]?.GetValue<long>() ?? 0;
                var valid = size > 0 && chunk > 0 && count >= 1 && (count == 1 ? chunk == size : chunk >= 5L << 20 && chunk <= 64L << 20 && count == size / chunk);
                if (!valid)
                {
                    return Error(400, "invalid_params", "video_size, chunk_size and total_chunk_count do not follow the chunk rules.");
                }

                var upload = $"tt-{marker ?? "none"}-{id}";
                Uploads[upload] = (size, 0);
                Uploads[publishId] = (size, -1);
                var origin = new Uri(request.Url).GetLeftPart(UriPartial.Authority);
                return Ok(new JsonObject { ["publish_id"] = publishId, ["upload_url"] = $"{origin}/tiktok-upload/?upload_id={upload}" });
            }

            case "tiktok-status":
            {
                var publishId = body?["publish_id"]?.GetValue<string>() ?? "";
                if (!Uploads.ContainsKey(publishId))
                {
                    return Error(400, "invalid_publish_id", "The publish_id does not exist.");
                }

                var first = Polls.AddOrUpdate(publishId, 1, (_, n) => n + 1) == 1;
                return Ok(first
                    ? new JsonObject { ["status"] = "PROCESSING_UPLOAD", ["uploaded_bytes"] = 0 }
                    : new JsonObject { ["status"] = "PUBLISH_COMPLETE", ["publicaly_available_post_id"] = new JsonArray(7_300_000_000_000_000_000L + id) });
            }

            default:
                return Error(404, "not_found", "Not found.");
        }
    }

    private static bool IsLastChunk(IRequestMessage request) =>
        Range().Match(Header(request, "Content-Range") ?? "") is { Success: true } range && long.Parse(range.Groups[2].Value) + 1 == long.Parse(range.Groups[3].Value);

    private static IResponseMessage Chunk(IRequestMessage request, string kind)
    {
        var upload = request.Query?.TryGetValue("upload_id", out var values) == true ? values.FirstOrDefault() ?? "" : "";
        var range = Range().Match(Header(request, "Content-Range") ?? "");
        if (!Uploads.TryGetValue(upload, out var state) || !range.Success)
        {
            return Error(404, "not_found", "No such upload, or no Content-Range.");
        }

        var (from, to, total) = (long.Parse(range.Groups[1].Value), long.Parse(range.Groups[2].Value), long.Parse(range.Groups[3].Value));
        if (from != state.Received || total != state.Size || (request.BodyAsBytes?.LongLength ?? 0) != to - from + 1)
        {
            return Error(416, "range_not_satisfiable", "The chunk does not continue the upload.");
        }

        Uploads[upload] = (state.Size, to + 1);
        return FakePlatforms.Build(kind == "tiktok" ? 201 : 206, "");
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is WireMockList<string> values
            ? values.FirstOrDefault()
            : null;

    private static IResponseMessage Ok(JsonObject data) =>
        FakePlatforms.Build(200, new JsonObject { ["data"] = data, ["error"] = new JsonObject { ["code"] = "ok", ["message"] = "", ["log_id"] = "fake" } }.ToJsonString());

    private static IResponseMessage Error(int status, string code, string message) => FakePlatforms.Build(status,
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["log_id"] = "fake" } }.ToJsonString());

    [GeneratedRegex("^bytes ([0-9]+)-([0-9]+)/([0-9]+)$")]
    private static partial Regex Range();
}
