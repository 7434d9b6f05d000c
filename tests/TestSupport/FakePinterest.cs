using System.Text.Json.Nodes;
using WireMock;

namespace BrandAutomator.TestSupport;

/// <summary>
/// Pinterest API v5 answers for <see cref="FakePlatforms"/>, in its wire format: <c>POST /v5/pins</c> (checks the board,
/// the description and the <c>media_source</c>: <c>image_url</c> with a url, or <c>video_id</c> with a media id this fake
/// registered; 201 with the pin), <c>POST /v5/media</c> (a media id, an upload address and its form parameters), the
/// upload itself (<c>POST /pinterest-upload/</c>, 204), <c>GET /v5/media/{id}</c> (<c>processing</c> at the first poll
/// of each medium, then <c>succeeded</c>),
/// <c>GET /v5/boards</c> (two boards, in two pages by <c>bookmark</c>) and <c>GET /v5/user_account</c>. Errors are
/// <c>{ "code": n, "message": ... }</c>; without a bearer token, 401.
/// </summary>
public static class FakePinterest
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Polls = new(StringComparer.Ordinal);

    public const string AccountId = "pinterest-acme";
    public const string RecipesBoard = "549755885175";
    public const string InteriorsBoard = "549755885176";

    public static string? Kind(string method, string path) => path switch
    {
        "/v5/pins" => "pinterest",
        "/v5/media" => "pinterest-media",
        "/v5/boards" => "pinterest-boards",
        "/v5/user_account" => "pinterest-account",
        "/pinterest-upload/" => "pinterest-upload",
        _ when method == "GET" && path.StartsWith("/v5/media/", StringComparison.Ordinal) => "pinterest-media-status",
        _ => null,
    };

    public static IResponseMessage Answer(string kind, IRequestMessage request, long id)
    {
        if (kind == "pinterest-upload")
        {
            // The storage bucket checks its own form fields, not a bearer token.
            var form = request.Body ?? System.Text.Encoding.UTF8.GetString(request.BodyAsBytes ?? []);
            return form.Contains("x-amz-signature", StringComparison.Ordinal) && form.Contains("filename", StringComparison.Ordinal)
                ? FakePlatforms.Build(204, "")
                : Error(400, 1, "Upload parameters missing");
        }

        var bearer = request.Headers is { } h && h.TryGetValue("Authorization", out var auth) ? auth.FirstOrDefault() : null;
        if (bearer is null || !bearer.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error(401, 2, "Authentication failed.");
        }

        switch (kind)
        {
            case "pinterest-account":
                return Json(200, new JsonObject { ["id"] = AccountId, ["username"] = "acmebakery", ["account_type"] = "BUSINESS", ["business_name"] = "Acme Bakery" });
            case "pinterest-boards":
            {
                var second = request.Query?.TryGetValue("bookmark", out var values) == true && values.FirstOrDefault() == "page2";
                return Json(200, new JsonObject
                {
                    ["items"] = new JsonArray(second
                        ? Board(InteriorsBoard, "Interiors", "SECRET")
                        : Board(RecipesBoard, "Recipes", "PUBLIC")),
                    ["bookmark"] = second ? null : "page2",
                });
            }

            case "pinterest-media":
            {
                var origin = new Uri(request.Url).GetLeftPart(UriPartial.Authority);
                return Json(201, new JsonObject
                {
                    ["media_id"] = $"pm{id}",
                    ["media_type"] = "video",
                    ["upload_url"] = $"{origin}/pinterest-upload/",
                    ["upload_parameters"] = new JsonObject { ["key"] = $"uploads/pm{id}", ["x-amz-signature"] = "fake-signature", ["Content-Type"] = "multipart/form-data" },
                });
            }

            case "pinterest-media-status":
            {
                var first = Polls.AddOrUpdate(request.Url, 1, (_, n) => n + 1) == 1;
                return Json(200, new JsonObject { ["media_id"] = request.Path.Split('/')[^1], ["media_type"] = "video", ["status"] = first ? "processing" : "succeeded" });
            }

            case "pinterest":
            {
                var pin = JsonNode.Parse(request.Body ?? "{}");
                var source = pin?["media_source"];
                var type = source?["source_type"]?.GetValue<string>();
                if (string.IsNullOrEmpty(pin?["board_id"]?.GetValue<string>()))
                {
                    return Error(400, 1, "Invalid parameters: board_id is required.");
                }

                if (type == "image_url" ? string.IsNullOrEmpty(source?["url"]?.GetValue<string>())
                    : type != "video_id" || source?["media_id"]?.GetValue<string>() is not { Length: > 2 })
                {
                    return Error(400, 1, "Invalid parameters: media_source must be an image_url with a url or a video_id with a media_id.");
                }

                if ((pin!["title"]?.GetValue<string>().Length ?? 0) > 100 || (pin["description"]?.GetValue<string>().Length ?? 0) > 800)
                {
                    return Error(400, 1, "Invalid parameters: title or description too long.");
                }

                return Json(201, new JsonObject
                {
                    ["id"] = $"81363{id}", ["board_id"] = pin["board_id"]!.GetValue<string>(), ["created_at"] = DateTimeOffset.UtcNow.ToString("s"),
                    ["title"] = pin["title"]?.GetValue<string>(), ["description"] = pin["description"]?.GetValue<string>(),
                });
            }

            default:
                return Error(404, 3, "Not found.");
        }
    }

    private static JsonObject Board(string id, string name, string privacy) =>
        new() { ["id"] = id, ["name"] = name, ["description"] = $"{name} we love", ["privacy"] = privacy, ["owner"] = new JsonObject { ["username"] = "acmebakery" } };

    private static IResponseMessage Error(int status, int code, string message) => Json(status, new JsonObject { ["code"] = code, ["message"] = message });

    private static IResponseMessage Json(int status, JsonNode body) => FakePlatforms.Build(status, body.ToJsonString());
}
