namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>The bounds a file must stay within to be inspected or processed; past them it is refused, not tried.</summary>
internal static class InspectionLimits
{
    public const int MaxImageSide = 20_000;
    public const long MaxImagePixels = 100_000_000;

    // A full-size decode of a 100 MP image holds 400 MB; larger ones are decoded one at a time (see ImageDecoding).
    public const long LargeDecodePixels = 16_000_000;

    public const int MaxZipEntries = 10_000;
    public const long MaxZipUncompressedBytes = 200L * 1024 * 1024;
    public const int MaxCompressionRatio = 100;

    // Small parts (styles, settings) legitimately compress past 100:1; a bomb needs size, so the ratio is judged above this.
    public const long CompressionRatioFloorBytes = 1024 * 1024;

    // Browsers sniff markup in the first 512 bytes; looking further costs nothing and catches padded payloads.
    public const int MarkupScanBytes = 64 * 1024;
    public const int ForeignHeaderScanBytes = 1024;

    // Cameras store depth maps and gain maps as further JPEGs after the first one (CIPA Multi-Picture Format).
    public const int MaxAppendedJpegs = 8;
}
