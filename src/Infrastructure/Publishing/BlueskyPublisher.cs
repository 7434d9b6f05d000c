using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// Bluesky (AT Protocol, XRPC): mentions resolved to DIDs (<c>com.atproto.identity.resolveHandle</c>), each image
/// uploaded as a blob (<c>com.atproto.repo.uploadBlob</c>), then one <c>com.atproto.repo.createRecord</c> of an
/// <c>app.bsky.feed.post</c> with its facets (UTF-8 byte offsets) and an <c>app.bsky.embed.images</c> with alt texts.
/// Only the record publishes: a lost answer to it leaves the post Unconfirmed; the steps before are harmless to repeat.
/// </summary>
public sealed class BlueskyPublisher(HttpClient http, IOptions<PlatformOptions> options, TimeProvider clock) : ISocialPublisher
{
    /// <summary>app.bsky.embed.images takes blobs up to 1,000,000 bytes.</summary>
    public const int MaxImageBytes = 1_000_000;

    private const string Network = "Bluesky";

    public SocialPlatform Platform => SocialPlatform.Bluesky;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        if (request.Media.Any(m => m.IsVideo))
        {
            return PublishResult.Rejected("Bluesky posts sent from here take images, not videos.");
        }

        var facets = new JsonArray();
        var dids = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var span in BlueskyRichText.Find(request.Text))
        {
            string? did = null;
            if (span.Kind == BlueskyFacetKind.Mention)
            {
                if (!dids.TryGetValue(span.Value, out did))
                {
                    var (resolved, failure) = await ResolveHandleAsync(span.Value, request.AccessToken, cancellationToken);
                    if (failure is not null)
                    {
                        return failure;
                    }

                    dids[span.Value] = did = resolved;
                }

                if (did is null)
                {
                    // No such account: the text stays as written, without a link to nobody.
                    continue;
                }
            }

            facets.Add(Facet(span, did));
        }

        var images = new JsonArray();
        foreach (var media in request.Media.Take(4))
        {
            var (blob, failure) = await UploadImageAsync(media, request.AccessToken, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            images.Add(new JsonObject { ["alt"] = media.AltText ?? "", ["image"] = blob });
        }

        var record = new JsonObject
        {
            ["$type"] = "app.bsky.feed.post",
            ["text"] = request.Text,
            ["createdAt"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (facets.Count > 0)
        {
            record["facets"] = facets;
        }

        if (images.Count > 0)
        {
            record["embed"] = new JsonObject { ["$type"] = "app.bsky.embed.images", ["images"] = images };
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, BlueskySessionClient.Xrpc(options.Value, "com.atproto.repo.createRecord"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        message.Content = new StringContent(
            new JsonObject { ["repo"] = request.AccountId, ["collection"] = "app.bsky.feed.post", ["record"] = record }.ToJsonString(),
            System.Text.Encoding.UTF8, "application/json");
        var answer = await PlatformHttp.ExchangeAsync(http, message, Network, repeatable: false, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        // at://{did}/app.bsky.feed.post/{rkey}: what getPostThread and the metrics read with.
        return PublishResult.Published(PlatformHttp.String(answer.Body?["uri"]) ?? "");
    }

    internal static JsonObject Facet(BlueskyFacetSpan span, string? did) => new()
    {
        ["index"] = new JsonObject { ["byteStart"] = span.ByteStart, ["byteEnd"] = span.ByteEnd },
        ["features"] = new JsonArray(span.Kind switch
        {
            BlueskyFacetKind.Link => new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = span.Value },
            BlueskyFacetKind.Mention => new JsonObject { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = did },
            _ => new JsonObject { ["$type"] = "app.bsky.richtext.facet#tag", ["tag"] = span.Value },
        }),
    };

    /// <summary>The handle's DID, null when no account has it (400 InvalidRequest "Unable to resolve handle").</summary>
    private async Task<(string? Did, PublishResult? Failure)> ResolveHandleAsync(string handle, string token, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get,
            BlueskySessionClient.Xrpc(options.Value, $"com.atproto.identity.resolveHandle?handle={Uri.EscapeDataString(handle)}"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await PlatformHttp.ExchangeAsync(http, message, Network, repeatable: true, clock, cancellationToken);
        if (answer.Failure is { Kind: PublishResultKind.Rejected })
        {
            return (null, null);
        }

        return answer.Failure is not null ? (null, answer.Failure) : (PlatformHttp.String(answer.Body?["did"]), null);
    }

    /// <summary>Fetches the image from its signed link and uploads it as a blob; uploading again after a lost answer is harmless.</summary>
    private async Task<(JsonNode? Blob, PublishResult? Failure)> UploadImageAsync(PublishMedia media, string token, CancellationToken cancellationToken)
    {
        byte[] bytes;
        string type;
        try
        {
            using var source = await http.GetAsync(media.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!source.IsSuccessStatusCode)
            {
                return (null, PublishResult.Retry($"The image for Bluesky could not be read from storage ({(int)source.StatusCode})."));
            }

            if (source.Content.Headers.ContentLength > MaxImageBytes)
            {
                return (null, TooLarge());
            }

            bytes = await source.Content.ReadAsByteArrayAsync(cancellationToken);
            type = source.Content.Headers.ContentType?.MediaType ?? "image/jpeg";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, PublishResult.Retry("The image for Bluesky could not be read from storage."));
        }

        if (bytes.Length > MaxImageBytes)
        {
            return (null, TooLarge());
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, BlueskySessionClient.Xrpc(options.Value, "com.atproto.repo.uploadBlob"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Content = new ByteArrayContent(bytes);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        var answer = await PlatformHttp.ExchangeAsync(http, message, Network, repeatable: true, clock, cancellationToken);
        if (answer.Failure is not null)
        {
            return (null, answer.Failure);
        }

        return answer.Body?["blob"] is JsonObject blob
            ? (blob.DeepClone(), null)
            : (null, PublishResult.Retry("Bluesky answered the image upload without a blob."));
    }

    private static PublishResult TooLarge() =>
        PublishResult.Rejected($"Bluesky takes images up to {MaxImageBytes / 1000:N0} KB; use a smaller version of this image.");
}
