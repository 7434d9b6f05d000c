using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Types;

namespace BrandAutomator.TestSupport;

/// <summary>
/// LinkedIn's Images and Videos APIs for <see cref="FakePlatforms"/>, in their wire format (versioned REST: every call
/// needs <c>LinkedIn-Version</c>, <c>X-Restli-Protocol-Version: 2.0.0</c> and a bearer token; errors are
/// <c>{"message", "status"}</c>). Images: <c>POST /rest/images?action=initializeUpload</c> answers an upload address and
/// an image URN; a <c>PUT</c> of the bytes there (with the token) makes it AVAILABLE (<c>GET /rest/images/{urn}</c>). Videos:
/// <c>POST /rest/videos?action=initializeUpload</c> with <c>fileSizeBytes</c> answers one upload instruction per 4 MB part;
/// each part's <c>PUT</c> (of exactly its range) answers an <c>ETag</c>; <c>action=finalizeUpload</c> checks every
/// ETag in order; <c>GET /rest/videos/{urn}</c> then says PROCESSING once and AVAILABLE after (or what a script says,
/// such as <see cref="ProcessingFailed"/>). A post (<c>POST /rest/posts</c>) naming media that are not available is
/// refused, as LinkedIn does.
/// </summary>
public static partial class FakeLinkedInMedia
{
    public const long PartSize = 4L * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, Upload> Uploads = new(StringComparer.Ordinal);

    /// <summary>The kinds this fake answers, for <see cref="FakePlatforms"/> to tell them from posts.</summary>
    public static bool Owns(string kind) => kind.StartsWith("linkedin-image", StringComparison.Ordinal) || kind.StartsWith("linkedin-video", StringComparison.Ordinal);

    public static string? Kind(IRequestMessage request)
    {
        var path = request.AbsolutePath;
        var action = request.Query?.TryGetValue("action", out var values) == true ? values.FirstOrDefault() : null;
        return (request.Method, path) switch
        {
            ("POST", "/rest/images") when action == "initializeUpload" => "linkedin-image-init",
            ("POST", "/rest/videos") when action == "initializeUpload" => "linkedin-video-init",
            ("POST", "/rest/videos") when action == "finalizeUpload" => "linkedin-video-finalize",
            ("GET", _) when path.StartsWith("/rest/videos/", StringComparison.Ordinal) => "linkedin-video-status",
            ("GET", _) when path.StartsWith("/rest/images/", StringComparison.Ordinal) => "linkedin-image-status",
            ("PUT", _) when path.StartsWith("/linkedin-upload/image/", StringComparison.Ordinal) => "linkedin-image-upload",
            ("PUT", _) when path.StartsWith("/linkedin-upload/video/", StringComparison.Ordinal) => "linkedin-video-part",
            _ => null,
        };
    }

    /// <summary>What <c>GET /rest/videos/{urn}</c> says of a video LinkedIn could not process.</summary>
    public static FakeAnswer ProcessingFailed(string reason) => new(200,
        new JsonObject { ["status"] = "PROCESSING_FAILED", ["processingFailureReason"] = reason, ["id"] = "urn:li:video:failed" }.ToJsonString());

    /// <summary>The bytes LinkedIn received for an image or video URN, for tests to compare with what was sent.</summary>
    public static long ReceivedBytes(string urn) => Uploads.TryGetValue(urn, out var upload) ? upload.Received : -1;

    public static IResponseMessage Answer(string kind, IRequestMessage request, long id, string origin)
    {
        if (kind is "linkedin-video-part")
        {
            // Video part addresses are signed: they take no token.
            return Part(request);
        }

        if (FakeHeaders.Get(request, "Authorization") is not { } bearer || !bearer.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error(401, "Invalid access token");
        }

        if (kind != "linkedin-image-upload" && (FakeHeaders.Get(request, "X-Restli-Protocol-Version") != "2.0.0" || FakeHeaders.Get(request, "LinkedIn-Version") is not { Length: 6 }))
        {
            return Error(426, "A versioned request needs LinkedIn-Version (YYYYMM) and X-Restli-Protocol-Version 2.0.0");
        }

        var body = string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body);
        switch (kind)
        {
            case "linkedin-image-init":
            {
                if (body?["initializeUploadRequest"]?["owner"]?.GetValue<string>() is not { Length: > 0 })
                {
                    return Error(422, "initializeUploadRequest.owner is required");
                }

                var urn = $"urn:li:image:C4E10AQ{id}";
                Uploads[urn] = new Upload(-1, [], 0, Available: false, Polls: 0);
                return Json(200, new JsonObject
                {
                    ["value"] = new JsonObject
                    {
                        ["uploadUrlExpiresAt"] = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds(),
                        ["uploadUrl"] = $"{origin}/linkedin-upload/image/{Uri.EscapeDataString(urn)}",
                        ["image"] = urn,
                    },
                });
            }

            case "linkedin-image-upload":
            {
                var urn = Uri.UnescapeDataString(request.AbsolutePath["/linkedin-upload/image/".Length..]);
                if (!Uploads.TryGetValue(urn, out var upload))
                {
                    return Error(404, "No such upload");
                }

                Uploads[urn] = upload with { Received = request.BodyAsBytes?.LongLength ?? 0, Available = true };
                return FakePlatforms.Build(201, "");
            }

            case "linkedin-video-init":
            {
                var init = body?["initializeUploadRequest"];
                var size = init?["fileSizeBytes"]?.GetValue<long>() ?? 0;
                if (init?["owner"]?.GetValue<string>() is not { Length: > 0 } || size <= 0)
                {
                    return Error(422, "initializeUploadRequest.owner and fileSizeBytes are required");
                }

                var urn = $"urn:li:video:C5F10AQ{id}";
                var parts = (int)((size + PartSize - 1) / PartSize);
                var etags = Enumerable.Range(0, parts).Select(_ => (string?)null).ToArray();
                Uploads[urn] = new Upload(size, etags, 0, Available: false, Polls: 0);
                var instructions = new JsonArray();
                for (var part = 0; part < parts; part++)
                {
                    var first = part * PartSize;
                    instructions.Add(new JsonObject
                    {
                        ["uploadUrl"] = $"{origin}/linkedin-upload/video/{Uri.EscapeDataString(urn)}/{part}?sig=fake",
                        ["firstByte"] = first,
                        ["lastByte"] = Math.Min(size, first + PartSize) - 1,
                    });
                }

                return Json(200, new JsonObject
                {
                    ["value"] = new JsonObject
                    {
                        ["uploadUrlsExpireAt"] = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds(),
                        ["video"] = urn,
                        ["uploadInstructions"] = instructions,
                        ["uploadToken"] = "",
                    },
                });
            }

            case "linkedin-video-finalize":
            {
                var finalize = body?["finalizeUploadRequest"];
                var urn = finalize?["video"]?.GetValue<string>() ?? "";
                if (!Uploads.TryGetValue(urn, out var upload))
                {
                    return Error(404, "No such video");
                }

                var sent = (finalize?["uploadedPartIds"] as JsonArray)?.Select(e => e?.GetValue<string>()).ToArray() ?? [];
                if (upload.Received != upload.Size || !sent.SequenceEqual(upload.Etags))
                {
                    return Error(400, "The uploaded part ids do not match the parts of the upload");
                }

                Uploads[urn] = upload with { Finalized = true };
                return FakePlatforms.Build(200, "");
            }

            case "linkedin-image-status":
            {
                var urn = Uri.UnescapeDataString(request.AbsolutePath["/rest/images/".Length..]);
                return Uploads.TryGetValue(urn, out var upload)
                    ? Json(200, new JsonObject { ["id"] = urn, ["status"] = upload.Available ? "AVAILABLE" : "WAITING_UPLOAD", ["owner"] = "urn:li:organization:4242" })
                    : Error(404, "No such image");
            }

            case "linkedin-video-status":
            {
                var urn = Uri.UnescapeDataString(request.AbsolutePath["/rest/videos/".Length..]);
                if (!Uploads.TryGetValue(urn, out var upload))
                {
                    return Error(404, "No such video");
                }

                var status = !upload.Finalized ? "WAITING_UPLOAD" : upload.Polls == 0 ? "PROCESSING" : "AVAILABLE";
                Uploads[urn] = upload with { Polls = upload.Polls + 1, Available = status == "AVAILABLE" };
                return Json(200, new JsonObject { ["id"] = urn, ["status"] = status, ["owner"] = "urn:li:organization:4242" });
            }

            default:
                return Error(404, "Not found");
        }
    }

    /// <summary>LinkedIn's refusal of a post naming media that are not (yet) available; null when the post may go.</summary>
    public static IResponseMessage? RefusePost(string body)
    {
        foreach (Match urn in MediaUrn().Matches(body))
        {
            if (!Uploads.TryGetValue(urn.Value, out var upload) || !upload.Available)
            {
                return Error(400, $"Media {urn.Value} is not available: upload and process it before the post");
            }
        }

        return null;
    }

    private static IResponseMessage Part(IRequestMessage request)
    {
        var rest = request.AbsolutePath["/linkedin-upload/video/".Length..];
        var slash = rest.LastIndexOf('/');
        var urn = Uri.UnescapeDataString(rest[..slash]);
        var part = int.Parse(rest[(slash + 1)..], CultureInfo.InvariantCulture);
        if (!Uploads.TryGetValue(urn, out var upload) || part >= upload.Etags.Length)
        {
            return Error(404, "No such upload part");
        }

        var expected = Math.Min(upload.Size, (part + 1) * PartSize) - (part * PartSize);
        var length = request.BodyAsBytes?.LongLength ?? 0;
        if (length != expected)
        {
            return Error(400, $"Part {part} must be {expected} bytes; {length} came");
        }

        var etag = $"/etag-{urn[^8..]}-{part}";
        var etags = upload.Etags.ToArray();
        var first = etags[part] is null;
        etags[part] = etag;
        Uploads[urn] = upload with { Etags = etags, Received = upload.Received + (first ? length : 0) };
        return FakePlatforms.Build(200, "", new Dictionary<string, string> { ["ETag"] = etag });
    }

    private static IResponseMessage Json(int status, JsonObject body) => FakePlatforms.Build(status, body.ToJsonString());

    private static IResponseMessage Error(int status, string message) =>
        FakePlatforms.Build(status, new JsonObject { ["message"] = message, ["status"] = status }.ToJsonString());

    [GeneratedRegex("urn:li:(?:image|video):[A-Za-z0-9]+")]
    private static partial Regex MediaUrn();

    private sealed record Upload(long Size, string?[] Etags, long Received, bool Available, int Polls, bool Finalized = false);
}

/// <summary>Request headers as WireMock gives them, by name in any case.</summary>
internal static class FakeHeaders
{
    public static string? Get(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is WireMockList<string> values
            ? values.FirstOrDefault()
            : null;
}
