using System.Text;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Files.Inspection;

namespace BrandAutomator.Infrastructure.Tests.Files.Inspection;

public class ContentInspectorAcceptanceTests
{
    private readonly ContentInspector _inspector = new();

    public static TheoryData<string, string, AssetKind, string, string> AllowedFiles => new()
    {
        { "png", "logo.png", AssetKind.Image, "image/png", ".png" },
        { "jpeg", "photo.jpg", AssetKind.Image, "image/jpeg", ".jpg" },
        { "gif", "anim.gif", AssetKind.Image, "image/gif", ".gif" },
        { "webp", "banner.webp", AssetKind.Image, "image/webp", ".webp" },
        { "mp4", "clip.mp4", AssetKind.Video, "video/mp4", ".mp4" },
        { "mov", "clip.mov", AssetKind.Video, "video/quicktime", ".mov" },
        { "webm", "clip.webm", AssetKind.Video, "video/webm", ".webm" },
        { "pdf", "brand-book.pdf", AssetKind.Document, "application/pdf", ".pdf" },
        { "docx", "brief.docx", AssetKind.Document, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx" },
        { "text", "notes.txt", AssetKind.Text, "text/plain", ".txt" },
        { "markdown", "README.md", AssetKind.Text, "text/markdown", ".md" },
        { "markdown", "guide.markdown", AssetKind.Text, "text/markdown", ".md" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public async Task Every_allowed_type_is_accepted_with_its_kind_media_type_and_extension(
        string sample, string name, AssetKind kind, string mediaType, string extension)
    {
        var inspection = await Inspect(Make(sample), name);

        Assert.True(inspection.Accepted, inspection.RefusalReason);
        Assert.Equal(kind, inspection.Kind);
        Assert.Equal(mediaType, inspection.MediaType);
        Assert.Equal(extension, inspection.Extension);
        Assert.Null(inspection.RefusalReason);
    }

    [Fact]
    public async Task A_name_that_contradicts_the_content_is_overridden_by_the_content()
    {
        var inspection = await Inspect(Samples.Png(40, 30), "holiday.jpg");

        Assert.True(inspection.Accepted);
        Assert.Equal("image/png", inspection.MediaType);
        Assert.Equal(".png", inspection.Extension);
    }

    [Fact]
    public async Task The_same_text_is_plain_text_unless_its_name_says_markdown()
    {
        var bytes = Encoding.UTF8.GetBytes("# Brand voice\n\nWarm, direct, never smug.\n");

        Assert.Equal("text/plain", (await Inspect(bytes, "voice.pdf")).MediaType);
        Assert.Equal("text/markdown", (await Inspect(bytes, "voice.MD")).MediaType);
    }

    [Fact]
    public async Task Text_with_a_utf8_or_utf16_byte_order_mark_is_accepted()
    {
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Café crème\r\n\tindented")).ToArray();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Grüße aus München")).ToArray();

        Assert.True((await Inspect(utf8, "a.txt")).Accepted);
        Assert.True((await Inspect(utf16, "b.txt")).Accepted);
    }

    [Fact]
    public async Task A_jpeg_followed_by_its_camera_preview_images_is_accepted()
    {
        // Multi-Picture Format: phones append gain maps and depth maps as further whole JPEGs.
        var inspection = await Inspect([.. Samples.Jpeg(64, 48), .. Samples.Jpeg(16, 12)], "photo.jpg");

        Assert.True(inspection.Accepted, inspection.RefusalReason);
    }

    [Fact]
    public async Task A_motion_photo_with_its_clip_after_the_still_is_accepted()
    {
        var inspection = await Inspect([.. Samples.Jpeg(64, 48), .. Samples.Mp4()], "PXL_20260101.MP.jpg");

        Assert.True(inspection.Accepted, inspection.RefusalReason);
        Assert.Equal("image/jpeg", inspection.MediaType);
    }

    [Fact]
    public async Task A_samsung_photo_with_its_metadata_trailer_is_accepted()
    {
        byte[] trailer = [.. "SEFH"u8.ToArray(), 1, 0, 0, 0, .. "Image_UTC_Data1767225600000"u8.ToArray(), 32, 0, 0, 0, .. "SEFT"u8.ToArray()];

        var inspection = await Inspect([.. Samples.Jpeg(64, 48), .. trailer], "20260101_120000.jpg");

        Assert.True(inspection.Accepted, inspection.RefusalReason);
    }

    [Fact]
    public async Task A_video_whose_movie_header_follows_its_media_data_is_accepted()
    {
        var inspection = await Inspect(Samples.Mp4(movieLast: true, mediaBytes: 3 * 1024 * 1024), "camera.mp4");

        Assert.True(inspection.Accepted, inspection.RefusalReason);
    }

    [Fact]
    public async Task A_markdown_readme_with_inline_html_is_still_text()
    {
        var readme = "# Acme\n\n<p align=\"center\"><img src=\"logo.png\"></p>\n\nWe make <b>anvils</b>.\n";

        var inspection = await Inspect(Encoding.UTF8.GetBytes(readme), "README.md");

        Assert.True(inspection.Accepted, inspection.RefusalReason);
    }

    [Fact]
    public async Task Inspection_leaves_the_stream_open_and_rewound_for_storage()
    {
        using var stream = new MemoryStream(Samples.Pdf(["Hello"]));

        await _inspector.InspectAsync(stream, "a.pdf", CancellationToken.None);

        Assert.True(stream.CanRead);
        Assert.Equal(0, stream.Position);
    }

    internal static byte[] Make(string sample) => sample switch
    {
        "png" => Samples.Png(120, 80),
        "jpeg" => Samples.Jpeg(120, 80),
        "gif" => Samples.Gif(30, 20),
        "webp" => Samples.WebP(120, 80),
        "mp4" => Samples.Mp4(),
        "mov" => Samples.Mp4(majorBrand: "qt  "),
        "webm" => Samples.WebM(),
        "pdf" => Samples.Pdf(["Our brand book."], ["Second page."]),
        "docx" => Samples.Docx(["We sell anvils."]),
        "text" => Encoding.UTF8.GetBytes("Plain notes.\nSecond line.\n"),
        "markdown" => Encoding.UTF8.GetBytes("# Title\n\n* one\n* two\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(sample)),
    };

    private async Task<ContentInspection> Inspect(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return await _inspector.InspectAsync(stream, name, CancellationToken.None);
    }
}
