using System.Net.Http.Headers;
using System.Net.Http.Json;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// X API v2 replies: a thread's later parts and a first comment are posts (<c>POST /2/tweets</c>) with
/// <c>reply.in_reply_to_tweet_id</c>, the id of the post they answer; the new id is <c>data.id</c>.
/// </summary>
public sealed class XThreadPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : IFollowUpPublisher
{
    public SocialPlatform Platform => SocialPlatform.X;

    public async Task<PublishResult> PublishAsync(FollowUpRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(options.Value.X.BaseUrl, "2/tweets"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Content = JsonContent.Create(new { text = request.Text, reply = new { in_reply_to_tweet_id = request.ParentPostId } });
        var answer = await PlatformHttp.ExchangeAsync(http, message, "X", repeatable: false, clock, cancellationToken);
        return answer.Failure ?? PublishResult.Published(PlatformHttp.String(answer.Body?["data"]?["id"]) ?? "");
    }
}
