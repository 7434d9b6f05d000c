using System.Text;
using BrandAutomator.Application.Assets;
using BrandAutomator.Infrastructure.Files.Inspection;
using SkiaSharp;

namespace BrandAutomator.Infrastructure.Tests.Files.Inspection;

public class MediaAnalyzerTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly MediaAnalyzer _analyzer = new();

    [Fact]
    public void Image_size_is_read_from_the_file()
    {
        var info = _analyzer.ReadImage(new MemoryStream(Samples.Png(300, 200)));

        Assert.Equal(300, info.Width);
        Assert.Equal(200, info.Height);
    }

    [Theory]
    [InlineData(256, 256, 128)]
    [InlineData(1024, 1024, 512)]
    public void A_thumbnail_fits_the_longer_side_and_keeps_the_aspect_ratio(int maxSide, int width, int height)
    {
        using var thumbnail = Samples.DecodePng(_analyzer.Thumbnail(new MemoryStream(Samples.Png(2000, 1000)), maxSide));

        Assert.Equal(width, thumbnail.Width);
        Assert.Equal(height, thumbnail.Height);
    }

    [Fact]
    public void A_portrait_jpeg_thumbnail_fits_its_height()
    {
        using var thumbnail = Samples.DecodePng(_analyzer.Thumbnail(new MemoryStream(Samples.Jpeg(1500, 3000)), 256));

        Assert.Equal(128, thumbnail.Width);
        Assert.Equal(256, thumbnail.Height);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    [InlineData("gif")]
    public void A_small_image_is_never_upscaled(string format)
    {
        var image = format switch
        {
            "png" => Samples.Png(100, 50),
            "jpeg" => Samples.Jpeg(100, 50),
            "webp" => Samples.WebP(100, 50),
            _ => Samples.Gif(100, 50),
        };

        using var thumbnail = Samples.DecodePng(_analyzer.Thumbnail(new MemoryStream(image), 1024));

        Assert.Equal(100, thumbnail.Width);
        Assert.Equal(50, thumbnail.Height);
    }

    [Fact]
    public void A_thumbnail_is_png()
    {
        var bytes = _analyzer.Thumbnail(new MemoryStream(Samples.Jpeg(600, 400)), 256);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public void An_exif_rotated_jpeg_reports_and_renders_its_upright_size()
    {
        // Orientation 6: the camera stored the picture a quarter turn anticlockwise; viewers turn it clockwise.
        var jpeg = Samples.WithExifOrientation(Samples.SplitJpeg(200, 100), 6);

        var info = _analyzer.ReadImage(new MemoryStream(jpeg));
        using var thumbnail = Samples.DecodePng(_analyzer.Thumbnail(new MemoryStream(jpeg), 50));

        Assert.Equal((100, 200), (info.Width, info.Height));
        Assert.Equal((25, 50), (thumbnail.Width, thumbnail.Height));
        AssertMostly(SKColors.Red, thumbnail.GetPixel(12, 5));
        AssertMostly(SKColors.Blue, thumbnail.GetPixel(12, 45));
    }

    [Fact]
    public void Mp4_duration_and_frame_size_are_read_from_the_movie_header()
    {
        var info = _analyzer.ReadVideo(new MemoryStream(Samples.Mp4(timescale: 1000, duration: 5500, width: 640, height: 360)));

        Assert.Equal(TimeSpan.FromSeconds(5.5), info.Duration);
        Assert.Equal(640, info.Width);
        Assert.Equal(360, info.Height);
    }

    [Fact]
    public void A_movie_header_after_the_media_data_is_found_by_seeking()
    {
        var mov = Samples.Mp4(majorBrand: "qt  ", timescale: 600, duration: 1200, width: 1920, height: 1080, movieLast: true, mediaBytes: 8 * 1024 * 1024);
        using var counting = new CountingStream(mov);

        var info = _analyzer.ReadVideo(counting);

        Assert.Equal(TimeSpan.FromSeconds(2), info.Duration);
        Assert.Equal((1920, 1080), (info.Width, info.Height));
        Assert.True(counting.BytesRead < 512 * 1024, $"read {counting.BytesRead:N0} bytes of an 8 MB file");
    }

    [Fact]
    public void A_portrait_phone_video_reports_its_upright_size()
    {
        var info = _analyzer.ReadVideo(new MemoryStream(Samples.Mp4(width: 1920, height: 1080, quarterTurn: true)));

        Assert.Equal((1080, 1920), (info.Width, info.Height));
    }

    [Fact]
    public void Webm_duration_and_frame_size_are_read_from_segment_info_and_tracks()
    {
        var info = _analyzer.ReadVideo(new MemoryStream(Samples.WebM(width: 320, height: 240, durationMs: 2500)));

        Assert.Equal(TimeSpan.FromSeconds(2.5), info.Duration);
        Assert.Equal(320, info.Width);
        Assert.Equal(240, info.Height);
    }

    [Fact]
    public void An_unreadable_video_reports_nothing_rather_than_failing()
    {
        var info = _analyzer.ReadVideo(new MemoryStream(Encoding.ASCII.GetBytes("not a video at all")));

        Assert.Equal(new(null, null, null), info);
    }

    [Fact]
    public void Pdf_text_is_extracted_page_by_page()
    {
        var pdf = Samples.Pdf(
            ["Acme builds anvils for coyotes.", "Quality since 1949."],
            ["The second page speaks of rockets."]);

        var text = _analyzer.ExtractText(new MemoryStream(pdf), "application/pdf");

        Assert.Contains("Acme builds anvils for coyotes.", text, StringComparison.Ordinal);
        Assert.Contains("Quality since 1949.", text, StringComparison.Ordinal);
        Assert.Contains("The second page speaks of rockets.", text, StringComparison.Ordinal);
        var chunks = TextChunker.Split(text);
        Assert.Equal(1, chunks.Single(c => c.Text.Contains("anvils", StringComparison.Ordinal)).Page);
        Assert.Equal(2, chunks.Single(c => c.Text.Contains("rockets", StringComparison.Ordinal)).Page);
    }

    [Fact]
    public void Docx_text_is_extracted_with_paragraphs_and_table_rows()
    {
        var docx = Samples.Docx(
            ["Our mission is to delight coyotes.", "We value sturdy anvils."],
            [["Product", "Price"], ["Anvil", "$99"]]);

        var text = _analyzer.ExtractText(new MemoryStream(docx), DocxType);

        Assert.Contains("Our mission is to delight coyotes.", text, StringComparison.Ordinal);
        Assert.Contains("We value sturdy anvils.", text, StringComparison.Ordinal);
        Assert.Contains("| Product | Price |\n| --- | --- |\n| Anvil | $99 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_keeps_its_words_and_loses_its_markup()
    {
        var markdown = "# Brand voice\n\nWe are **warm** and [direct](https://example.com).\n\n- never smug\n- `always` clear\n\n<div>Block html</div>\n";

        var text = _analyzer.ExtractText(new MemoryStream(Encoding.UTF8.GetBytes(markdown)), "text/markdown");

        Assert.Contains("Brand voice", text, StringComparison.Ordinal);
        Assert.Contains("We are warm and direct.", text, StringComparison.Ordinal);
        Assert.Contains("never smug", text, StringComparison.Ordinal);
        Assert.Contains("Block html", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<div>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_decoded_by_its_byte_order_mark()
    {
        var utf16 = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("Grüße\r\naus München")).ToArray();
        var utf8 = Encoding.UTF8.GetBytes("Crème brûlée");

        Assert.Equal("Grüße\naus München", _analyzer.ExtractText(new MemoryStream(utf16), "text/plain; charset=utf-16"));
        Assert.Equal("Crème brûlée", _analyzer.ExtractText(new MemoryStream(utf8), "text/plain"));
    }

    [Fact]
    public void Text_is_not_extracted_from_images()
    {
        Assert.Throws<ArgumentException>(() => _analyzer.ExtractText(new MemoryStream(Samples.Png(2, 2)), "image/png"));
    }

    private static void AssertMostly(SKColor expected, SKColor actual)
    {
        // JPEG shifts colours a little; the dominant channel is what tells red from blue.
        Assert.True(Math.Abs(expected.Red - actual.Red) < 60 && Math.Abs(expected.Blue - actual.Blue) < 60,
            $"expected about {expected}, got {actual}");
    }

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead += read;
            return read;
        }
    }
}
