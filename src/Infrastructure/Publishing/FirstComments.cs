using System.Net.Http.Headers;
using System.Net.Http.Json;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// A first comment through the Graph API: <c>POST /{object-id}/comments</c> with <c>message</c> and <c>access_token</c>,
/// the object being a Page post (Facebook) or an IG Media (Instagram); the comment's id is <c>id</c>.
/// </summary>
public abstract class GraphCommentPublisher(HttpClient http, TimeProvider clock) : IFollowUpPublisher
{
    public abstract SocialPlatform Platform { get; }

    protected abstract string BaseUrl { get; }

    public async Task<PublishResult> PublishAsync(FollowUpRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string> { ["message"] = request.Text, ["access_token"] = request.AccessToken };
        using var message = new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(BaseUrl, $"{Uri.EscapeDataString(request.ParentPostId)}/comments"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        var answer = await PlatformHttp.ExchangeAsync(http, message, Platform.DisplayName(), repeatable: false, clock, cancellationToken);
        return answer.Failure ?? PublishResult.Published(PlatformHttp.String(answer.Body?["id"]) ?? "");
    }
}

public sealed class FacebookCommentPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : GraphCommentPublisher(http, clock)
{
    public override SocialPlatform Platform => SocialPlatform.Facebook;

    protected override string BaseUrl => options.Value.Facebook.BaseUrl;
}

public sealed class InstagramCommentPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : GraphCommentPublisher(http, clock)
{
    public override SocialPlatform Platform => SocialPlatform.Instagram;

    protected override string BaseUrl => options.Value.Instagram.BaseUrl;
}

/// <summary>
/// LinkedIn's Comments API (Community Management): <c>POST /rest/socialActions/{post-urn}/comments</c> with <c>actor</c>,
/// <c>object</c> and <c>message.text</c>; the comment's URN comes back as <c>$URN</c> (or <c>x-restli-id</c>).
/// </summary>
public sealed class LinkedInCommentPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : IFollowUpPublisher
{
    public SocialPlatform Platform => SocialPlatform.LinkedIn;

    public async Task<PublishResult> PublishAsync(FollowUpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new HttpRequestMessage(HttpMethod.Post,
            PlatformHttp.Url(settings.LinkedIn.BaseUrl, $"rest/socialActions/{Uri.EscapeDataString(request.ParentPostId)}/comments"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Headers.Add("LinkedIn-Version", settings.LinkedInVersion);
        message.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        message.Content = JsonContent.Create(new { actor = request.AccountId, @object = request.ParentPostId, message = new { text = request.Text } });
        var answer = await PlatformHttp.ExchangeAsync(http, message, "LinkedIn", repeatable: false, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        var id = PlatformHttp.String(answer.Body?["$URN"]) ?? PlatformHttp.String(answer.Body?["id"])
            ?? (answer.Headers!.TryGetValues("x-restli-id", out var ids) ? ids.FirstOrDefault() : null);
        return PublishResult.Published(id ?? "");
    }
}

/// <summary>The senders of thread parts and first comments, one typed client each, as the publishers are.</summary>
internal static class FollowUpPublishers
{
    public static void Add(IServiceCollection services, TimeSpan timeout)
    {
        Add<XThreadPublisher>(services, timeout);
        Add<FacebookCommentPublisher>(services, timeout);
        Add<InstagramCommentPublisher>(services, timeout);
        Add<LinkedInCommentPublisher>(services, timeout);
        Add<ThreadsReplyPublisher>(services, timeout);
    }

    private static void Add<T>(IServiceCollection services, TimeSpan timeout)
        where T : class, IFollowUpPublisher
    {
        services.AddHttpClient<T>(client => client.Timeout = timeout);
        services.AddTransient<IFollowUpPublisher>(sp => sp.GetRequiredService<T>());
    }
}
