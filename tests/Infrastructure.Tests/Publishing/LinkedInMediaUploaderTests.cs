using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using static BrandAutomator.Infrastructure.Tests.Publishing.MediaUploadTestKit;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>LinkedIn's Images and Videos APIs against their fake: initialize, upload, finalize, processing, then the post.</summary>
public sealed class LinkedInMediaUploaderTests : IDisposable
{
    private readonly FakePlatforms _fakes = new();

    [Fact]
    public async Task An_image_is_initialized_uploaded_and_referenced_by_its_urn_with_its_alt_text()
    {
        var marker = FakePlatforms.NewMarker();

        var upload = await Uploader().UploadAsync(Request(SocialPlatform.LinkedIn, marker, Medium(50_000, "image/png", false, "A rye loaf on a board")), CancellationToken.None);
        var post = await Publisher().PublishAsync(Post(marker, upload.Media), CancellationToken.None);

        Assert.Null(upload.Failure);
        var urn = Assert.Single(upload.Media).NetworkMediaId!;
        Assert.StartsWith("urn:li:image:", urn, StringComparison.Ordinal);
        Assert.Equal(50_000, FakeLinkedInMedia.ReceivedBytes(urn));
        var init = Assert.Single(_fakes.Requests, r => r.Kind == "linkedin-image-init" && r.Marker == marker);
        Assert.Equal("urn:li:organization:4242", JsonNode.Parse(init.Body)!["initializeUploadRequest"]!["owner"]!.GetValue<string>());
        Assert.Equal("2.0.0", init.Headers["X-Restli-Protocol-Version"]);
        Assert.Matches("^[0-9]{6}$", init.Headers["LinkedIn-Version"]);
        Assert.Equal(PublishResultKind.Published, post.Kind);
        var media = JsonNode.Parse(Assert.Single(_fakes.PublishRequests(marker)).Body)!["content"]!["media"]!;
        Assert.Equal(urn, media["id"]!.GetValue<string>());
        Assert.Equal("A rye loaf on a board", media["altText"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_video_goes_up_in_the_parts_linkedin_names_is_finalized_with_their_etags_and_waits_until_available()
    {
        var marker = FakePlatforms.NewMarker();
        var size = (9L * 1024 * 1024) + 123;
        var opened = 0;

        var upload = await Uploader().UploadAsync(
            Request(SocialPlatform.LinkedIn, marker, Medium(size, "video/mp4", true, opened: () => opened++)), CancellationToken.None);
        var post = await Publisher().PublishAsync(Post(marker, upload.Media), CancellationToken.None);

        Assert.Null(upload.Failure);
        var urn = Assert.Single(upload.Media).NetworkMediaId!;
        Assert.StartsWith("urn:li:video:", urn, StringComparison.Ordinal);
        Assert.Equal(1, opened);
        Assert.Equal(size, FakeLinkedInMedia.ReceivedBytes(urn));
        Assert.Equal(3, _fakes.Requests.Count(r => r.Kind == "linkedin-video-part" && Uri.UnescapeDataString(r.Path).Contains(urn, StringComparison.Ordinal)));
        var init = JsonNode.Parse(Assert.Single(_fakes.Requests, r => r.Kind == "linkedin-video-init" && r.Marker == marker).Body)!;
        Assert.Equal(size, init["initializeUploadRequest"]!["fileSizeBytes"]!.GetValue<long>());
        var finalize = JsonNode.Parse(Assert.Single(_fakes.Requests, r => r.Kind == "linkedin-video-finalize" && r.Marker == marker).Body)!;
        Assert.Equal(3, finalize["finalizeUploadRequest"]!["uploadedPartIds"]!.AsArray().Count);
        // PROCESSING once, then AVAILABLE: the post waits for it.
        Assert.Equal(2, _fakes.Requests.Count(r => r.Kind == "linkedin-video-status" && r.Marker == marker));
        Assert.Equal(PublishResultKind.Published, post.Kind);
        var posted = Assert.Single(_fakes.PublishRequests(marker));
        Assert.True(posted.At >= _fakes.Requests.Where(r => r.Kind == "linkedin-video-status" && r.Marker == marker).Max(r => r.At));
        Assert.Equal(urn, JsonNode.Parse(posted.Body)!["content"]!["media"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Several_images_make_one_multi_image_post()
    {
        var marker = FakePlatforms.NewMarker();

        var upload = await Uploader().UploadAsync(Request(SocialPlatform.LinkedIn, marker,
            Medium(10_000, "image/jpeg", false, "Rye"), Medium(20_000, "image/png", false), Medium(30_000, "image/gif", false, "Spelt")), CancellationToken.None);
        var post = await Publisher().PublishAsync(Post(marker, upload.Media), CancellationToken.None);

        Assert.Equal(PublishResultKind.Published, post.Kind);
        var images = JsonNode.Parse(Assert.Single(_fakes.PublishRequests(marker)).Body)!["content"]!["multiImage"]!["images"]!.AsArray();
        Assert.Equal(upload.Media.Select(m => m.NetworkMediaId), images.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal("Rye", images[0]!["altText"]!.GetValue<string>());
        Assert.Null(images[1]!["altText"]);
    }

    [Fact]
    public async Task A_video_linkedin_could_not_process_stops_the_post_with_linkedins_reason()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("linkedin-video-status", marker, FakeLinkedInMedia.ProcessingFailed("The video is shorter than 3 seconds"));

        var upload = await Uploader().UploadAsync(Request(SocialPlatform.LinkedIn, marker, Medium(200_000, "video/mp4", true)), CancellationToken.None);

        Assert.Equal(PublishResultKind.Rejected, upload.Failure?.Kind);
        Assert.Equal("LinkedIn could not process the video: The video is shorter than 3 seconds.", upload.Failure?.Message);
    }

    [Fact]
    public async Task A_lost_answer_during_the_upload_is_retried_because_an_upload_is_not_a_post()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("linkedin-video-finalize", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        var impatient = new LinkedInMediaUploader(new HttpClient { Timeout = TimeSpan.FromSeconds(1) }, Options(_fakes.BaseUrl), TimeProvider.System);

        var upload = await impatient.UploadAsync(Request(SocialPlatform.LinkedIn, marker, Medium(200_000, "video/mp4", true)), CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, upload.Failure?.Kind);
        Assert.Empty(_fakes.PublishRequests(marker));
    }

    [Fact]
    public async Task A_video_still_processing_when_the_wait_runs_out_is_tried_again_later()
    {
        var marker = FakePlatforms.NewMarker();
        var processing = new FakeAnswer(200, """{"status":"PROCESSING","id":"urn:li:video:x"}""");
        _fakes.Script("linkedin-video-status", marker, Enumerable.Repeat(processing, 200).ToArray());
        var hasty = new LinkedInMediaUploader(new HttpClient(), Options(_fakes.BaseUrl, processingSeconds: 0.3), TimeProvider.System);

        var upload = await hasty.UploadAsync(Request(SocialPlatform.LinkedIn, marker, Medium(200_000, "video/mp4", true)), CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, upload.Failure?.Kind);
        Assert.Contains("still processing", upload.Failure?.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _fakes.Dispose();

    private LinkedInMediaUploader Uploader() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(_fakes.BaseUrl), TimeProvider.System);

    private LinkedInPublisher Publisher() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(_fakes.BaseUrl), TimeProvider.System);

    private static PublishRequest Post(string marker, IReadOnlyList<PublishMedia> media) =>
        new(SocialPlatform.LinkedIn, "urn:li:organization:4242", $"at-{marker}", $"Fresh from the oven {marker}", media, Guid.NewGuid(), Guid.NewGuid());
}
