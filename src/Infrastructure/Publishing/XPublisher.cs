using System.Net.Http.Headers;
using System.Net.Http.Json;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>X API v2: <c>POST /2/tweets</c> with <c>{ text, media: { media_ids } }</c> (media uploaded first: <see cref="XMediaUploader"/>); the id is <c>data.id</c>; 429 carries <c>x-rate-limit-reset</c>.</summary>
public sealed class XPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.X;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(options.Value.X.BaseUrl, "2/tweets"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Content = JsonContent.Create(new { text = request.Text, media = XMediaUploader.PostMedia(request.Media) }, options: XMediaUploader.PostJson);
        var answer = await PlatformHttp.ExchangeAsync(http, message, "X", repeatable: false, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        return PublishResult.Published(PlatformHttp.String(answer.Body?["data"]?["id"]) ?? "");
    }
}
