using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>Pinterest API v5 against its fake: image pins by link, video pins after upload and processing, boards, and its refusals.</summary>
public sealed class PinterestPublisherTests : IDisposable
{
    private readonly FakePlatforms _fakes = new();

    [Fact]
    public async Task An_image_pin_goes_to_its_board_with_title_description_link_and_alt_text_by_the_images_signed_link()
    {
        var marker = FakePlatforms.NewMarker();

        var result = await Publisher().PublishAsync(Post($"Pumpkin bread {marker}") with
        {
            Media = [new PublishMedia(new Uri("https://media.test/bread.png?sig=abc"), false, "A loaf on a board")],
        }, CancellationToken.None);

        Assert.Equal(PublishResultKind.Published, result.Kind);
        Assert.StartsWith("81363", result.PostId, StringComparison.Ordinal);
        var pin = Assert.Single(_fakes.PublishRequests(marker));
        Assert.Equal("/v5/pins", pin.Path);
        Assert.Equal("pinterest-token", pin.AccessToken);
        var body = JsonNode.Parse(pin.Body)!;
        Assert.Equal(FakePinterest.RecipesBoard, body["board_id"]!.GetValue<string>());
        Assert.Equal("Autumn bakes", body["title"]!.GetValue<string>());
        Assert.Equal($"Pumpkin bread {marker}", body["description"]!.GetValue<string>());
        Assert.Equal("https://acme.example/bread", body["link"]!.GetValue<string>());
        Assert.Equal("A loaf on a board", body["alt_text"]!.GetValue<string>());
        Assert.Equal("image_url", body["media_source"]!["source_type"]!.GetValue<string>());
        Assert.Equal("https://media.test/bread.png?sig=abc", body["media_source"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_video_is_registered_uploaded_with_pinterests_form_fields_polled_until_processed_then_pinned_once_by_its_media_id()
    {
        var marker = FakePlatforms.NewMarker();
        var opened = 0;
        var content = new MediaContent(FakeFileStorage.Length, "video/mp4", _ =>
        {
            opened++;
            return Task.FromResult<Stream>(new MemoryStream(FakeFileStorage.Bytes));
        });

        var result = await Publisher().PublishAsync(Post($"Kneading {marker}") with
        {
            Media = [new PublishMedia(new Uri("https://media.test/knead.mp4"), true, null, content)],
        }, CancellationToken.None);

        Assert.True(result.Kind == PublishResultKind.Published, $"{result.Kind}: {result.Message}");
        Assert.Equal(1, opened);
        var upload = Assert.Single(_fakes.Requests, r => r.Kind == "pinterest-upload");
        Assert.Contains("x-amz-signature", upload.Body, StringComparison.Ordinal);
        Assert.Null(upload.AccessToken);
        var polls = _fakes.Requests.Where(r => r.Kind == "pinterest-media-status").ToList();
        Assert.Equal(2, polls.Count);
        var source = JsonNode.Parse(Assert.Single(_fakes.PublishRequests(marker)).Body)!["media_source"]!;
        Assert.Equal("video_id", source["source_type"]!.GetValue<string>());
        Assert.Equal(polls[0].Path.Split('/')[^1], source["media_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rate_limit_is_retried_after_pinterests_wait_a_refusal_fails_in_its_words_and_a_lost_pin_is_unconfirmed()
    {
        var limited = FakePlatforms.NewMarker();
        var refused = FakePlatforms.NewMarker();
        var lost = FakePlatforms.NewMarker();
        _fakes.Script("pinterest", limited, FakeAnswer.RateLimited(TimeSpan.FromSeconds(40)));
        _fakes.Script("pinterest", refused, new FakeAnswer(400, """{"code":1,"message":"Invalid board_id: the board does not exist."}"""));
        _fakes.Script("pinterest", lost, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        var impatient = new PinterestPublisher(new HttpClient { Timeout = TimeSpan.FromSeconds(1) }, Options(), TimeProvider.System);
        var image = new PublishMedia(new Uri("https://media.test/a.png"), false);

        var first = await Publisher().PublishAsync(Post($"A {limited}") with { Media = [image] }, CancellationToken.None);
        var second = await Publisher().PublishAsync(Post($"B {refused}") with { Media = [image] }, CancellationToken.None);
        var third = await impatient.PublishAsync(Post($"C {lost}") with { Media = [image] }, CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, first.Kind);
        Assert.Equal(TimeSpan.FromSeconds(40), first.RetryAfter);
        Assert.Equal(PublishResultKind.Rejected, second.Kind);
        Assert.Contains("the board does not exist", second.Message, StringComparison.Ordinal);
        Assert.Equal(PublishResultKind.Unconfirmed, third.Kind);
    }

    [Fact]
    public async Task A_post_without_a_board_or_media_is_refused_without_a_request()
    {
        var marker = FakePlatforms.NewMarker();

        var noBoard = await Publisher().PublishAsync(Post($"x {marker}") with { Options = null }, CancellationToken.None);
        var noMedia = await Publisher().PublishAsync(Post($"x {marker}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.Rejected, noBoard.Kind);
        Assert.Contains("board", noBoard.Message, StringComparison.Ordinal);
        Assert.Equal(PublishResultKind.Rejected, noMedia.Kind);
        Assert.Empty(_fakes.Requests);
    }

    [Fact]
    public async Task Boards_are_read_page_after_page_and_a_refused_token_is_null()
    {
        var client = new PinterestBoardsClient(new HttpClient(), Options());

        var boards = await client.ListAsync("pinterest-token", CancellationToken.None);
        var refused = await client.ListAsync("", CancellationToken.None);

        Assert.Equal([FakePinterest.RecipesBoard, FakePinterest.InteriorsBoard], boards!.Select(b => b.Id));
        Assert.Equal(["Recipes", "Interiors"], boards!.Select(b => b.Name));
        Assert.Equal("SECRET", boards![1].Privacy);
        Assert.Null(refused);
    }

    public void Dispose() => _fakes.Dispose();

    private PinterestPublisher Publisher() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(), TimeProvider.System);

    private static PublishRequest Post(string text) => new(
        SocialPlatform.Pinterest, FakePinterest.AccountId, "pinterest-token", text, [], Guid.NewGuid(), Guid.NewGuid(),
        new PostOptions(Title: "Autumn bakes", BoardId: FakePinterest.RecipesBoard, Link: "https://acme.example/bread"));

    private IOptions<PlatformOptions> Options() => Microsoft.Extensions.Options.Options.Create(new PlatformOptions
    {
        Pinterest = new PlatformEndpointOptions { BaseUrl = _fakes.BaseUrl },
        InstagramVideoPollSeconds = 0.05,
    });
}
