using SkiaSharp;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>SkiaSharp decoding shared by the inspector (does it fully decode?) and the analyzer (sizes, thumbnails).</summary>
internal static class ImageDecoding
{
    // Full-size decodes of large images are serialised: two 100 MP decodes at once would hold 800 MB.
    private static readonly SemaphoreSlim LargeDecodeGate = new(1, 1);

    /// <summary>
    /// Opens a codec over <paramref name="image"/> without taking ownership of it: SKCodec.Create(Stream) would
    /// dispose the caller's stream with the codec.
    /// </summary>
    public static SKCodec Open(Stream image)
    {
        image.Position = 0;
        // The codec owns the SKManagedStream from here on, also when it fails (native code frees it then).
        var codec = SKCodec.Create(new SKManagedStream(image, disposeManagedStream: false), out var result);
        if (codec is null)
        {
            throw new InvalidDataException($"The image could not be decoded ({result}).");
        }

        return codec;
    }

    /// <summary>True when the rotation recorded in EXIF turns the stored image a quarter turn.</summary>
    public static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>
    /// Decodes every pixel of the first frame, so that a file cut short or corrupted inside its compressed data is caught.
    /// JPEG and WebP decode at a reduced scale, which still reads the whole compressed stream but holds far less memory.
    /// </summary>
    public static SKCodecResult DecodeFully(SKCodec codec, CancellationToken cancellationToken)
    {
        var size = codec.Info.Size;
        var pixels = (long)size.Width * size.Height;
        if (pixels > InspectionLimits.LargeDecodePixels)
        {
            size = codec.GetScaledDimensions((float)Math.Sqrt((double)InspectionLimits.LargeDecodePixels / pixels));
        }

        var (bitmap, result) = Decode(codec, size, cancellationToken);
        bitmap.Dispose();
        return result;
    }

    /// <summary>
    /// Decodes the first frame at <paramref name="size"/> (the codec's own size or one of its scaled sizes) into a
    /// new bitmap the caller disposes, whatever the result.
    /// </summary>
    public static (SKBitmap Bitmap, SKCodecResult Result) Decode(SKCodec codec, SKSizeI size, CancellationToken cancellationToken)
    {
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha);
        var large = (long)size.Width * size.Height > InspectionLimits.LargeDecodePixels;
        if (large)
        {
            LargeDecodeGate.Wait(cancellationToken);
        }

        try
        {
            var bitmap = new SKBitmap();
            if (!bitmap.TryAllocPixels(info))
            {
                bitmap.Dispose();
                throw new InsufficientMemoryException("No memory to decode the image.");
            }

            return (bitmap, codec.GetPixels(info, bitmap.GetPixels()));
        }
        finally
        {
            if (large)
            {
                LargeDecodeGate.Release();
            }
        }
    }

    /// <summary>
    /// The matrix that draws the stored image (of <paramref name="storedWidth"/> x <paramref name="storedHeight"/>)
    /// the way EXIF says it should be seen.
    /// </summary>
    public static SKMatrix Orientation(SKEncodedOrigin origin, float storedWidth, float storedHeight) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, storedWidth, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, storedWidth, 0, -1, storedHeight, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, storedHeight, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, storedHeight, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, storedHeight, -1, 0, storedWidth, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, storedWidth, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
