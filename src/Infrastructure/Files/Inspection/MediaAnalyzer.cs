using BrandAutomator.Application.Common.Ports;
using SkiaSharp;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>SkiaSharp for images, own box/EBML readers for video containers, PdfPig, Open XML SDK and Markdig for text.</summary>
public sealed class MediaAnalyzer : IMediaAnalyzer
{
    public ImageInfo ReadImage(Stream image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var codec = ImageDecoding.Open(image);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        return ImageDecoding.SwapsSides(codec.EncodedOrigin) ? new ImageInfo(height, width) : new ImageInfo(width, height);
    }

    public byte[] Thumbnail(Stream image, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        using var codec = ImageDecoding.Open(image);
        var stored = codec.Info.Size;
        ImageStructure.CheckSize(stored.Width, stored.Height);
        var origin = codec.EncodedOrigin;
        var swap = ImageDecoding.SwapsSides(origin);
        var (shownWidth, shownHeight) = swap ? (stored.Height, stored.Width) : (stored.Width, stored.Height);

        // Never upscale: a small image keeps its size.
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(shownWidth, shownHeight));
        var targetWidth = Math.Max(1, (int)Math.Round(shownWidth * scale));
        var targetHeight = Math.Max(1, (int)Math.Round(shownHeight * scale));
        var (storedTargetWidth, storedTargetHeight) = swap ? (targetHeight, targetWidth) : (targetWidth, targetHeight);

        using var decoded = Decode(codec, storedTargetWidth, storedTargetHeight);
        using var source = SKImage.FromBitmap(decoded);
        using var surface = SKSurface.Create(new SKImageInfo(targetWidth, targetHeight, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not allocate a thumbnail surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(ImageDecoding.Orientation(origin, storedTargetWidth, storedTargetHeight));

        // Linear filtering across mipmap levels is Skia's high-quality choice for downscaling (cubic only helps upscaling).
        canvas.DrawImage(source, new SKRect(0, 0, storedTargetWidth, storedTargetHeight), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("Could not encode the thumbnail as PNG.");
        return png.ToArray();
    }

    public VideoInfo ReadVideo(Stream video)
    {
        ArgumentNullException.ThrowIfNull(video);
        var cursor = new ByteCursor(video);
        Span<byte> head = stackalloc byte[12];
        if (!cursor.TryRead(head))
        {
            return new VideoInfo(null, null, null);
        }

        try
        {
            if (Signatures.IsIsoMedia(head))
            {
                var movie = IsoMedia.ReadMovie(cursor);
                return new VideoInfo(movie.Duration, movie.Width, movie.Height);
            }

            if (head.StartsWith(Signatures.Ebml))
            {
                var movie = WebM.ReadMovie(cursor);
                return new VideoInfo(movie.Duration, movie.Width, movie.Height);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or RefusalException)
        {
            // Metadata is a nicety: a container this reader cannot follow is still a video, of unknown length and size.
        }

        return new VideoInfo(null, null, null);
    }

    public string ExtractText(Stream document, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mediaType);
        var essence = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return essence switch
        {
            "application/pdf" => DocumentText.FromPdf(document),
            WordDocumentChecks.MediaType => DocumentText.FromDocx(document),
            "text/markdown" => DocumentText.FromMarkdown(document),
            "text/plain" => DocumentText.FromPlainText(document),
            _ => throw new ArgumentException($"Text is not extracted from {mediaType} files.", nameof(mediaType)),
        };
    }

    // JPEG and WebP decode straight to a smaller size; the final resampling then starts from at least twice the
    // target, which keeps detail without holding the full-size pixels of a large photo.
    private static SKBitmap Decode(SKCodec codec, int storedTargetWidth, int storedTargetHeight)
    {
        var size = codec.Info.Size;
        var scaled = codec.GetScaledDimensions(Math.Min(1f, 2f * storedTargetWidth / size.Width));
        if (scaled.Width >= storedTargetWidth && scaled.Height >= storedTargetHeight)
        {
            size = scaled;
        }

        var (bitmap, result) = ImageDecoding.Decode(codec, size, CancellationToken.None);

        // A thumbnail of what is there beats none: the inspector has already refused files that are cut short.
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new InvalidDataException($"The image could not be decoded ({result}).");
        }

        return bitmap;
    }
}
