using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>A Facebook Page's feed through the Graph API: <c>POST /{page-id}/feed</c> with <c>message</c> and <c>access_token</c>.</summary>
public sealed class FacebookPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.Facebook;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        // Text posts; photos would go through /{page-id}/photos, which is not wired yet.
        var fields = new Dictionary<string, string> { ["message"] = request.Text, ["access_token"] = request.AccessToken };
        using var message = new HttpRequestMessage(HttpMethod.Post,
            PlatformHttp.Url(options.Value.Facebook.BaseUrl, $"{Uri.EscapeDataString(request.AccountId)}/feed"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        var answer = await PlatformHttp.ExchangeAsync(http, message, "Facebook", repeatable: false, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        return PublishResult.Published(PlatformHttp.String(answer.Body?["id"]) ?? "");
    }
}
