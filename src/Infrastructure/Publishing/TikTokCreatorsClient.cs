using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// TikTok's <c>POST /v2/post/publish/creator_info/query/</c> (scope video.publish): the creator's nickname, the privacy
/// levels they may post with, the interactions their settings turned off and the longest video they may post. TikTok's
/// answers carry <c>{"error": {"code": "ok" | name, "message", "log_id"}}</c>; a 401 means the token is no good.
/// </summary>
public sealed class TikTokCreatorsClient(HttpClient http, IOptions<PlatformOptions> options) : ITikTokCreators
{
    public async Task<TikTokCreatorDto?> QueryAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = Request(options.Value.TikTok.BaseUrl, accessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized || ErrorCode(body) is "access_token_invalid" or "scope_not_authorized")
            {
                return null;
            }

            if (!response.IsSuccessStatusCode || ErrorCode(body) is { } code && code != "ok")
            {
                throw new ExternalServiceException("TikTok", (int)response.StatusCode == 429
                    ? "TikTok is limiting requests just now: try again in a minute."
                    : $"TikTok did not say what this account may post ({PlatformHttp.Message(body) ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}).");
            }

            return Parse(body?["data"]);
        }
        catch (HttpRequestException e)
        {
            throw new ExternalServiceException("TikTok", "TikTok could not be reached.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExternalServiceException("TikTok", "TikTok did not answer in time.", e);
        }
    }

    /// <summary>The creator-info request (shared with <see cref="TikTokPublisher"/>, which asks before each post).</summary>
    internal static HttpRequestMessage Request(string baseUrl, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(baseUrl, "v2/post/publish/creator_info/query/"))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    /// <summary>TikTok's error name (<c>error.code</c>), "ok" on success.</summary>
    internal static string? ErrorCode(JsonNode? body) => body is JsonObject o && o["error"] is JsonObject error ? PlatformHttp.String(error["code"]) : null;

    internal static TikTokCreatorDto Parse(JsonNode? data) => new(
        PlatformHttp.String(data?["creator_nickname"]) ?? PlatformHttp.String(data?["creator_username"]) ?? "TikTok creator",
        PlatformHttp.String(data?["creator_username"]),
        PlatformHttp.String(data?["creator_avatar_url"]),
        (data?["privacy_level_options"] as JsonArray ?? []).Select(PlatformHttp.String).OfType<string>().ToList(),
        Flag(data?["comment_disabled"]), Flag(data?["duet_disabled"]), Flag(data?["stitch_disabled"]),
        int.TryParse(PlatformHttp.String(data?["max_video_post_duration_sec"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var most) ? most : null);

    private static bool Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
