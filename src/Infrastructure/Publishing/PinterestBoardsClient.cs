using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// <c>GET /v5/boards</c> (scope boards:read), page after page by its <c>bookmark</c>, up to 1,000 boards; secret boards
/// are listed too (a pin may go there). A 401 means the token is no good; other failures are the network's.
/// </summary>
public sealed class PinterestBoardsClient(HttpClient http, IOptions<PlatformOptions> options) : IPinterestBoards
{
    private const int MostPages = 40;

    public async Task<IReadOnlyList<PinterestBoardDto>?> ListAsync(string accessToken, CancellationToken cancellationToken)
    {
        var boards = new List<PinterestBoardDto>();
        string? bookmark = null;
        for (var page = 0; page < MostPages; page++)
        {
            var path = "v5/boards?page_size=25" + (bookmark is null ? "" : $"&bookmark={Uri.EscapeDataString(bookmark)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, PlatformHttp.Url(options.Value.Pinterest.BaseUrl, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            JsonNode? body;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return null;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new ExternalServiceException("Pinterest", (int)response.StatusCode == 429
                        ? "Pinterest is limiting requests just now: try again in a minute."
                        : $"Pinterest did not list the boards ({PlatformHttp.Message(body) ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
                }
            }
            catch (HttpRequestException e)
            {
                throw new ExternalServiceException("Pinterest", "Pinterest could not be reached to list the boards.", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ExternalServiceException("Pinterest", "Pinterest did not answer in time with the boards.", e);
            }

            foreach (var board in body?["items"] as JsonArray ?? [])
            {
                if (PlatformHttp.String(board?["id"]) is { Length: > 0 } id)
                {
                    boards.Add(new PinterestBoardDto(id, PlatformHttp.String(board?["name"]) ?? id, PlatformHttp.String(board?["description"]) is { Length: > 0 } d ? d : null,
                        PlatformHttp.String(board?["privacy"]) ?? "PUBLIC"));
                }
            }

            bookmark = PlatformHttp.String(body?["bookmark"]);
            if (string.IsNullOrEmpty(bookmark))
            {
                break;
            }
        }

        return boards;
    }
}
