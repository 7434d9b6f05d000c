using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.ResponseBuilders;

namespace BrandAutomator.TestSupport;

/// <summary>
/// Bluesky's XRPC answers for <see cref="FakePlatforms"/>, in the AT Protocol's wire format: sessions
/// (<c>com.atproto.server.createSession</c> takes the app password <see cref="AppPassword"/>; <c>refreshSession</c> the
/// refresh JWT as bearer), <c>identity.resolveHandle</c> (a handle starting with "nobody" has no account: 400
/// InvalidRequest), <c>repo.uploadBlob</c> (a blob ref) and <c>repo.createRecord</c> (checks the record's shape and its
/// facets' byte offsets against the text; <c>{ uri, cid }</c>). Errors are <c>{ "error": Name, "message": ... }</c>.
/// </summary>
public static class FakeBluesky
{
    public const string AppPassword = "abcd-efgh-ijkl-mnop";

    public static string Kind(string path) => path switch
    {
        "/xrpc/com.atproto.repo.createRecord" => "bluesky",
        "/xrpc/com.atproto.repo.uploadBlob" => "bluesky-blob",
        "/xrpc/com.atproto.identity.resolveHandle" => "bluesky-resolve",
        "/xrpc/com.atproto.server.createSession" => "bluesky-session",
        "/xrpc/com.atproto.server.refreshSession" => "bluesky-refresh",
        _ => "bluesky-unknown",
    };

    /// <summary>A JWT-shaped token (unsigned) whose <c>exp</c> is two hours ahead, as Bluesky's access JWTs are.</summary>
    public static string Jwt(string scope, long id, DateTimeOffset now)
    {
        static string Part(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part(new { typ = "at+jwt", alg = "ES256K" })}.{Part(new { scope, sub = "did:plc:fake", exp = now.AddHours(2).ToUnixTimeSeconds(), jti = id })}.c2ln";
    }

    public static IResponseMessage Answer(string kind, IRequestMessage request, long id)
    {
        var bearer = request.Headers is { } h && h.TryGetValue("Authorization", out var auth) ? auth.FirstOrDefault()?.Replace("Bearer ", "", StringComparison.Ordinal) : null;
        var now = DateTimeOffset.UtcNow;
        switch (kind)
        {
            case "bluesky-session":
            {
                var body = JsonNode.Parse(request.Body ?? "{}");
                var identifier = body?["identifier"]?.GetValue<string>() ?? "";
                if (body?["password"]?.GetValue<string>() != AppPassword)
                {
                    return Error(401, "AuthenticationRequired", "Invalid identifier or password");
                }

                return Session(identifier, id, now);
            }

            case "bluesky-refresh":
                return bearer is { Length: > 0 } ? Session("acme.bsky.social", id, now) : Error(400, "InvalidToken", "Token could not be verified");
        }

        if (string.IsNullOrEmpty(bearer))
        {
            return Error(401, "AuthenticationRequired", "Authentication Required");
        }

        switch (kind)
        {
            case "bluesky-resolve":
            {
                var handle = request.Query?.TryGetValue("handle", out var values) == true ? values.FirstOrDefault() ?? "" : "";
                return handle.StartsWith("nobody", StringComparison.Ordinal)
                    ? Error(400, "InvalidRequest", "Unable to resolve handle")
                    : Json(200, new JsonObject { ["did"] = "did:plc:" + handle.Replace(".", "", StringComparison.Ordinal) });
            }

            case "bluesky-blob":
                return Json(200, new JsonObject
                {
                    ["blob"] = new JsonObject
                    {
                        ["$type"] = "blob", ["ref"] = new JsonObject { ["$link"] = $"bafkreiblob{id}" },
                        ["mimeType"] = request.Headers?.TryGetValue("Content-Type", out var type) == true ? type.FirstOrDefault() : "image/jpeg",
                        ["size"] = request.BodyAsBytes?.Length ?? 0,
                    },
                });

            case "bluesky":
            {
                var body = JsonNode.Parse(request.Body ?? "{}");
                var record = body?["record"];
                if (body?["collection"]?.GetValue<string>() != "app.bsky.feed.post" || record?["$type"]?.GetValue<string>() != "app.bsky.feed.post" ||
                    record["text"] is null || record["createdAt"] is null || string.IsNullOrEmpty(body?["repo"]?.GetValue<string>()))
                {
                    return Error(400, "InvalidRequest", "Input/record must be an app.bsky.feed.post with text and createdAt");
                }

                var bytes = Encoding.UTF8.GetByteCount(record["text"]!.GetValue<string>());
                foreach (var facet in record["facets"]?.AsArray() ?? [])
                {
                    var start = facet!["index"]!["byteStart"]!.GetValue<int>();
                    var end = facet["index"]!["byteEnd"]!.GetValue<int>();
                    if (start < 0 || end > bytes || start >= end)
                    {
                        return Error(400, "InvalidRequest", "Invalid facet index");
                    }
                }

                var repo = body!["repo"]!.GetValue<string>();
                return Json(200, new JsonObject { ["uri"] = $"at://{repo}/app.bsky.feed.post/3lfake{id}", ["cid"] = $"bafyreipost{id}" });
            }

            default:
                return Error(501, "MethodNotImplemented", "Method Not Implemented");
        }
    }

    private static IResponseMessage Session(string identifier, long id, DateTimeOffset now)
    {
        var handle = identifier.Contains('@', StringComparison.Ordinal) ? "acme.bsky.social" : identifier;
        return Json(200, new JsonObject
        {
            ["did"] = "did:plc:" + handle.Replace(".", "", StringComparison.Ordinal),
            ["handle"] = handle,
            ["accessJwt"] = Jwt("com.atproto.appPass", id, now),
            ["refreshJwt"] = Jwt("com.atproto.refresh", id, now.AddDays(60)),
            ["active"] = true,
        });
    }

    private static IResponseMessage Error(int status, string error, string message) =>
        Json(status, new JsonObject { ["error"] = error, ["message"] = message });

    private static IResponseMessage Json(int status, JsonNode body) => FakePlatforms.Build(status, body.ToJsonString());
}
