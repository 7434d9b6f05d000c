using System.Net.Http.Headers;
using System.Net.Http.Json;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// Google Business Profile: <c>POST /v4/accounts/{a}/locations/{l}/localPosts</c> with <c>summary</c> and
/// <c>topicType</c> STANDARD; the post's resource name is its id.
/// </summary>
public sealed class GoogleBusinessPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.GoogleBusiness;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var location = request.AccountId.Trim('/');
        if (!location.StartsWith("accounts/", StringComparison.Ordinal) || !location.Contains("/locations/", StringComparison.Ordinal))
        {
            return PublishResult.Rejected("The Google Business Profile connection needs a location of the form accounts/{account}/locations/{location}.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(options.Value.GoogleBusiness.BaseUrl, $"v4/{location}/localPosts"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Content = JsonContent.Create(new
        {
            languageCode = "en",
            summary = request.Text,
            topicType = "STANDARD",
            media = request.Media.Select(m => new { mediaFormat = m.IsVideo ? "VIDEO" : "PHOTO", sourceUrl = m.Url.ToString() }).ToArray(),
        });
        var answer = await PlatformHttp.ExchangeAsync(http, message, "Google Business Profile", repeatable: false, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        return PublishResult.Published(PlatformHttp.String(answer.Body?["name"]) ?? "");
    }
}
