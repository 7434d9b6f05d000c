using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// LinkedIn's versioned REST API: <c>POST /rest/posts</c> with <c>LinkedIn-Version</c> and <c>X-Restli-Protocol-Version</c>;
/// the new post's URN comes back in the <c>x-restli-id</c> header. Images and videos are uploaded before (see
/// <see cref="LinkedInMediaUploader"/>) and referenced by their URNs in <c>content</c>.
/// </summary>
public sealed class LinkedInPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    public SocialPlatform Platform => SocialPlatform.LinkedIn;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(settings.LinkedIn.BaseUrl, "rest/posts"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Headers.Add("LinkedIn-Version", settings.LinkedInVersion);
        message.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        message.Content = JsonContent.Create(new
        {
            author = request.AccountId,
            commentary = EscapeLittleText(request.Text),
            visibility = "PUBLIC",
            distribution = new { feedDistribution = "MAIN_FEED", targetEntities = Array.Empty<object>(), thirdPartyDistributionChannels = Array.Empty<object>() },
            lifecycleState = "PUBLISHED",
            isReshareDisabledByAuthor = false,
            content = LinkedInMediaUploader.PostContent(request.Media),
        }, options: LinkedInMediaUploader.PostJson);
        var answer = await PlatformHttp.ExchangeAsync(http, message, "LinkedIn", repeatable: false, clock, readBody: false, cancellationToken);
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        var id = answer.Headers!.TryGetValues("x-restli-id", out var ids) ? ids.FirstOrDefault()
            : answer.Headers!.TryGetValues("x-linkedin-id", out var other) ? other.FirstOrDefault() : null;
        return PublishResult.Published(id ?? "");
    }

    /// <summary>LinkedIn's "little text" format gives these characters a meaning; escaped, they are shown as typed.</summary>
    internal static string EscapeLittleText(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\\' or '|' or '{' or '}' or '@' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '*' or '_' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
