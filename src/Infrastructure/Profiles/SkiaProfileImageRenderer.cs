using System.Globalization;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using SkiaSharp;

namespace BrandAutomator.Infrastructure.Profiles;

/// <summary>
/// Draws avatars and banners with SkiaSharp on a surface of exactly the network's size. With a logo: the logo on a
/// light disc (avatar) or card (banner) over the brand's colours. Without one: the brand's initials in the system
/// typeface; where the host has no font with those letters (a slim container, a name in emoji), a geometric
/// monogram in the same colours instead, so an image is always made.
/// </summary>
public sealed class SkiaProfileImageRenderer : IProfileImageRenderer
{
    // A bold sans-serif where the host has one; Skia falls back to its default typeface (possibly empty) otherwise.
    private static readonly SKTypeface Typeface = SansSerif();

    public byte[] RenderAvatar(ProfileArt art, PixelSize size) => Render(size, canvas =>
    {
        var (primary, secondary) = Colours(art);
        float w = size.Width, h = size.Height;
        canvas.Clear(primary);
        using var logo = Decode(art.LogoPng);
        if (logo is not null)
        {
            using var disc = new SKPaint { Color = SKColors.White, IsAntialias = true };
            var radius = Math.Min(w, h) * 0.45f;
            canvas.DrawCircle(w / 2, h / 2, radius, disc);
            // The largest square inside the disc, with a margin: circular crops (LinkedIn, X, Instagram) keep the whole logo.
            var side = radius * 2 / MathF.Sqrt(2) * 0.92f;
            DrawFitted(canvas, logo, new SKRect(w / 2 - side / 2, h / 2 - side / 2, w / 2 + side / 2, h / 2 + side / 2));
            return;
        }

        using var ring = new SKPaint { Color = secondary, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Min(w, h) * 0.04f };
        canvas.DrawCircle(w / 2, h / 2, Math.Min(w, h) * 0.40f, ring);
        DrawMark(canvas, ProfileText.Initials(art.Name), new SKRect(w * 0.2f, h * 0.2f, w * 0.8f, h * 0.8f), Contrast(primary), secondary);
    });

    public byte[] RenderBanner(ProfileArt art, PixelSize size) => Render(size, canvas =>
    {
        var (primary, secondary) = Colours(art);
        float w = size.Width, h = size.Height;
        using (var gradient = new SKPaint
               {
                   Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, h), [primary, secondary], [0f, 1f], SKShaderTileMode.Clamp),
               })
        {
            canvas.DrawRect(0, 0, w, h, gradient);
        }

        // Soft circles on the right: texture that survives any crop of the centre.
        using (var soft = new SKPaint { Color = Contrast(primary).WithAlpha(28), IsAntialias = true })
        {
            canvas.DrawCircle(w * 0.86f, h * 0.2f, h * 0.55f, soft);
            canvas.DrawCircle(w * 0.97f, h * 0.95f, h * 0.4f, soft);
        }

        // Networks overlay the avatar on the banner's lower left: keep the mark in the centre third.
        var markHeight = h * 0.56f;
        using var logo = Decode(art.LogoPng);
        if (logo is not null)
        {
            var cardWidth = Math.Min(w * 0.42f, markHeight * Math.Max(1f, (float)logo.Width / logo.Height) * 1.25f);
            var card = new SKRect(w / 2 - cardWidth / 2, h / 2 - markHeight / 2, w / 2 + cardWidth / 2, h / 2 + markHeight / 2);
            using var paper = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.DrawRoundRect(card, markHeight * 0.12f, markHeight * 0.12f, paper);
            card.Inflate(-markHeight * 0.1f, -markHeight * 0.1f);
            DrawFitted(canvas, logo, card);
            return;
        }

        var name = art.Name.Trim();
        var typeface = Typeface;
        if (name.Length > 0 && typeface.GlyphCount > 0 && typeface.ContainsGlyphs(name) && DrawLine(canvas, typeface, name, w, h, Contrast(primary)))
        {
            return;
        }

        DrawMark(canvas, ProfileText.Initials(art.Name), new SKRect(w / 2 - markHeight / 2, h / 2 - markHeight / 2, w / 2 + markHeight / 2, h / 2 + markHeight / 2),
            Contrast(primary), secondary);
    });

    private static SKTypeface SansSerif()
    {
        // Without fontconfig, "sans-serif" is not an alias Skia resolves: ask for common sans families by name first.
        foreach (var family in new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" })
        {
            var typeface = SKFontManager.Default.MatchFamily(family, SKFontStyle.Bold);
            if (typeface is not null && typeface.FamilyName.Equals(family, StringComparison.OrdinalIgnoreCase))
            {
                return typeface;
            }

            typeface?.Dispose();
        }

        return SKTypeface.FromFamilyName("sans-serif", SKFontStyle.Bold) ?? SKTypeface.Default;
    }

    private static byte[] Render(PixelSize size, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Could not allocate a {size.Width}x{size.Height} surface.");
        draw(surface.Canvas);
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("Could not encode the image as PNG.");
        return png.ToArray();
    }

    /// <summary>The brand's first two colours; without them, a colour of its own from the name (stable, never random).</summary>
    internal static (SKColor Primary, SKColor Secondary) Colours(ProfileArt art)
    {
        var parsed = art.Colours.Select(Parse).OfType<SKColor>().ToList();
        var primary = parsed.Count > 0 ? parsed[0] : SKColor.FromHsl(Hue(art.Name), 55, 38);
        primary = primary.WithAlpha(255);
        var secondary = parsed.Count > 1 ? parsed[1].WithAlpha(255) : Shade(primary);
        return (primary, secondary);
    }

    private static SKColor? Parse(string colour) =>
        colour.Length == 7 && colour[0] == '#' && uint.TryParse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb)
            : null;

    private static float Hue(string name)
    {
        var hash = 17u;
        foreach (var c in name)
        {
            hash = hash * 31 + c;
        }

        return hash % 360;
    }

    private static SKColor Shade(SKColor colour)
    {
        colour.ToHsl(out var hue, out var saturation, out var lightness);
        return SKColor.FromHsl(hue, saturation, lightness > 50 ? lightness - 25 : lightness + 22);
    }

    /// <summary>Black or white, whichever reads better on <paramref name="background"/> (WCAG relative luminance).</summary>
    internal static SKColor Contrast(SKColor background)
    {
        static double Channel(byte v)
        {
            var c = v / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = 0.2126 * Channel(background.Red) + 0.7152 * Channel(background.Green) + 0.0722 * Channel(background.Blue);
        return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) ? SKColors.White : new SKColor(0x11, 0x18, 0x27);
    }

    private static SKBitmap? Decode(byte[]? png)
    {
        if (png is null || png.Length == 0)
        {
            return null;
        }

        var bitmap = SKBitmap.Decode(png);
        return bitmap is { Width: > 0, Height: > 0 } ? bitmap : null;
    }

    private static void DrawFitted(SKCanvas canvas, SKBitmap image, SKRect box)
    {
        var scale = Math.Min(box.Width / image.Width, box.Height / image.Height);
        var width = image.Width * scale;
        var height = image.Height * scale;
        var target = new SKRect(box.MidX - width / 2, box.MidY - height / 2, box.MidX + width / 2, box.MidY + height / 2);
        using var source = SKImage.FromBitmap(image);
        canvas.DrawImage(source, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>The initials in the box when a font can draw them; otherwise a monogram of shapes.</summary>
    private static void DrawMark(SKCanvas canvas, string initials, SKRect box, SKColor ink, SKColor accent)
    {
        var typeface = Typeface;
        if (initials.Length > 0 && typeface.GlyphCount > 0 && typeface.ContainsGlyphs(initials))
        {
            using var font = new SKFont(typeface, box.Height * 0.62f) { Subpixel = true };
            var width = font.MeasureText(initials);
            if (width > box.Width)
            {
                font.Size *= box.Width / width;
            }

            using var paint = new SKPaint { Color = ink, IsAntialias = true };
            var metrics = font.Metrics;
            var baseline = box.MidY - (metrics.Ascent + metrics.Descent) / 2;
            canvas.DrawText(initials, box.MidX, baseline, SKTextAlign.Center, font, paint);
            return;
        }

        using var fill = new SKPaint { Color = ink, IsAntialias = true };
        using var band = new SKPaint { Color = accent, IsAntialias = true };
        var r = Math.Min(box.Width, box.Height) / 2;
        canvas.DrawCircle(box.MidX, box.MidY, r * 0.78f, fill);
        canvas.Save();
        canvas.RotateDegrees(-35, box.MidX, box.MidY);
        canvas.DrawRect(box.MidX - r * 0.78f, box.MidY - r * 0.16f, r * 1.56f, r * 0.32f, band);
        canvas.Restore();
    }

    /// <summary>The name on one line, sized to fit 80% of the width; false when it cannot be drawn legibly.</summary>
    private static bool DrawLine(SKCanvas canvas, SKTypeface typeface, string text, float w, float h, SKColor ink)
    {
        using var font = new SKFont(typeface, h * 0.28f) { Subpixel = true };
        var width = font.MeasureText(text);
        if (width <= 0)
        {
            return false;
        }

        if (width > w * 0.6f)
        {
            font.Size *= w * 0.6f / width;
        }

        if (font.Size < h * 0.09f)
        {
            return false;
        }

        using var paint = new SKPaint { Color = ink, IsAntialias = true };
        var metrics = font.Metrics;
        canvas.DrawText(text, w / 2, h / 2 - (metrics.Ascent + metrics.Descent) / 2, SKTextAlign.Center, font, paint);
        return true;
    }
}
