using System.Net.Http.Headers;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// A first comment on Threads is a reply: a text container with <c>reply_to_id</c> (<c>POST /{user-id}/threads</c>),
/// then <c>POST /{user-id}/threads_publish</c> with <c>creation_id</c>. As for a post, only the second step publishes.
/// </summary>
public sealed class ThreadsReplyPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : IFollowUpPublisher
{
    private const string Network = "Threads";

    public SocialPlatform Platform => SocialPlatform.Threads;

    public async Task<PublishResult> PublishAsync(FollowUpRequest request, CancellationToken cancellationToken)
    {
        var user = Uri.EscapeDataString(request.AccountId);
        using var container = Post($"{user}/threads", request.AccessToken, new Dictionary<string, string>
        {
            ["media_type"] = "TEXT", ["text"] = request.Text, ["reply_to_id"] = request.ParentPostId,
        });
        // A container is not a post: making one again after a lost answer is harmless.
        var made = await PlatformHttp.ExchangeAsync(http, container, Network, repeatable: true, clock, cancellationToken);
        if (made.Failure is not null)
        {
            return made.Failure;
        }

        if (PlatformHttp.String(made.Body?["id"]) is not { } containerId)
        {
            return PublishResult.Retry("Threads created no container for the reply.");
        }

        using var publish = Post($"{user}/threads_publish", request.AccessToken, new Dictionary<string, string> { ["creation_id"] = containerId });
        var answer = await PlatformHttp.ExchangeAsync(http, publish, Network, repeatable: false, clock, cancellationToken);
        return answer.Failure ?? PublishResult.Published(PlatformHttp.String(answer.Body?["id"]) ?? "");
    }

    private HttpRequestMessage Post(string path, string token, Dictionary<string, string> fields)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(options.Value.Threads.BaseUrl, path)) { Content = new FormUrlEncodedContent(fields) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }
}
