using System.Text;
using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Onboarding;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Ai.Offline;
using BrandAutomator.Infrastructure.Profiles;
using SkiaSharp;

namespace BrandAutomator.Infrastructure.Tests.Profiles;

/// <summary>
/// Acceptance 2 of issue 8, as properties over generated brands (seeded, so a failure names the seed that makes it):
/// every avatar and banner is exactly the network's size, decoded from the PNG; no text exceeds its limit as the
/// network counts it, whatever the writer returned; every handle passes the network's rules; every kit is accepted
/// by the domain's own checks.
/// </summary>
public sealed class ProfileKitPropertyTests
{
    private static readonly string[] Words =
    [
        "Northwind", "Café", "Ünïcode", "東京", "コーヒー", "مقهى", "Кофе", "🚀", "☕️", "👩‍👩‍👧‍👦", "&", "Co.", "-", "O'Brien", "Zürich",
        "x", "Ω", "a_b", "...", "\u200d", "\t", "  ", "ᚠᛇᚻ", "𝔘𝔫𝔦", "🇬🇧", "Ltd", "42", "LLC", "Mañana", "Straße",
    ];

    private readonly SkiaProfileImageRenderer _renderer = new();

    public static TheoryData<int> ImageSeeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 40))
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ImageSeeds))]
    public void Every_avatar_and_banner_has_exactly_the_networks_size(int seed)
    {
        var random = new Random(seed);
        var art = new ProfileArt(Name(random), Colours(random), random.Next(3) == 0 ? null : Logo(random));

        foreach (var spec in ProfileSpecs.All)
        {
            Assert.Equal((spec.Avatar.Width, spec.Avatar.Height), Decoded(_renderer.RenderAvatar(art, spec.Avatar)));
            if (spec.Banner is { } banner)
            {
                Assert.Equal((banner.Width, banner.Height), Decoded(_renderer.RenderBanner(art, banner)));
            }
        }
    }

    [Fact]
    public void No_text_exceeds_its_limit_over_many_generated_brands_and_hostile_writer_output()
    {
        for (var seed = 1; seed <= 1500; seed++)
        {
            var random = new Random(seed);
            var profile = Profile(random);
            var brief = new ProfileBioBrief(profile, ProfileSpecs.All.Select(s => new ProfileBioRequest(s.Platform, s.TextFields)).ToList(), random.Next(4));
            var offline = OfflineProfileBioWriter.Write(brief);
            foreach (var spec in ProfileSpecs.All)
            {
                foreach (var field in spec.TextFields)
                {
                    // What the offline writer made, and what a model might return: far too long, emoji, CJK, links, no spaces.
                    var candidates = offline.Where(d => d.Platform == spec.Platform && d.Key == field.Key).Select(d => d.Text)
                        .Append(Hostile(random, field.MaxLength));
                    foreach (var candidate in candidates)
                    {
                        var (text, _) = ProfileText.Fit(spec.Platform, candidate, field.MaxLength);
                        var counted = ProfileText.Count(spec.Platform, text);
                        Assert.True(counted <= field.MaxLength, $"seed {seed}: {spec.Platform} {field.Key} counts {counted} > {field.MaxLength}: {text}");
                        Assert.True(PlatformRules.CountCharacters(text) <= field.MaxLength, $"seed {seed}: {spec.Platform} {field.Key} has too many code points.");
                    }
                }

                var name = ProfileText.DisplayName(spec.Platform, profile.Name, spec.MaxDisplayNameLength);
                Assert.True(ProfileText.Count(spec.Platform, name) <= spec.MaxDisplayNameLength, $"seed {seed}: {spec.Platform} name too long");
                var handles = HandleSuggestions.Suggest(spec.Handle, profile.Name, profile.Industry, Guid.NewGuid(), random.Next(4));
                if (spec.Handle is { } rule)
                {
                    Assert.NotEmpty(handles);
                    Assert.All(handles, h => Assert.True(rule.IsValid(h), $"seed {seed}: '{h}' is not a valid {spec.Platform} handle"));
                    Assert.Equal(handles.Count, handles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
                }
                else
                {
                    Assert.Empty(handles);
                }
            }
        }
    }

    [Fact]
    public void A_kit_built_from_generated_brands_passes_the_domains_checks()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var profile = Profile(random);
            foreach (var spec in ProfileSpecs.All)
            {
                var kit = SocialProfileKit.Start(Guid.NewGuid(), spec.Platform, Guid.NewGuid(), DateTimeOffset.UtcNow);
                var texts = spec.TextFields.Select(f =>
                {
                    var (text, shortened) = ProfileText.Fit(spec.Platform, Hostile(random, f.MaxLength), f.MaxLength);
                    return new ProfileKitText(f.Key, f.Label, text, f.MaxLength, ProfileText.Count(spec.Platform, text), shortened);
                }).ToList();
                var name = ProfileText.DisplayName(spec.Platform, profile.Name, spec.MaxDisplayNameLength);
                kit.Compose(name.Length > 0 ? name : "Brand", HandleSuggestions.Suggest(spec.Handle, profile.Name, null, kit.CompanyId), texts,
                    new ProfileKitImage("k/a.png", spec.Avatar.Width, spec.Avatar.Height),
                    spec.Banner is { } b ? new ProfileKitImage("k/b.png", b.Width, b.Height) : null, null, "offline", DateTimeOffset.UtcNow);
                Assert.Equal(1, kit.Version);
                Assert.NotEmpty(kit.RemainingSteps(connected: false));
            }
        }
    }

    [Fact]
    public void X_counts_weighted_characters_and_links_as_23()
    {
        Assert.Equal(5, ProfileText.Count(SocialPlatform.X, "hello"));
        Assert.Equal(4, ProfileText.Count(SocialPlatform.X, "東京"));
        Assert.Equal(2, ProfileText.Count(SocialPlatform.X, "🚀"));
        Assert.Equal(23 + 6, ProfileText.Count(SocialPlatform.X, "a.co/x hello"));
        Assert.Equal(2, ProfileText.Count(SocialPlatform.Instagram, "東京"));
        var (fitted, shortened) = ProfileText.Fit(SocialPlatform.X, string.Concat(Enumerable.Repeat("東京 ", 100)), 160);
        Assert.True(shortened);
        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        Assert.True(ProfileText.Count(SocialPlatform.X, fitted) <= 160);
    }

    [Fact]
    public void A_too_long_text_is_cut_at_a_word_boundary()
    {
        var (text, shortened) = ProfileText.Fit(SocialPlatform.Instagram, string.Join(' ', Enumerable.Repeat("roasted", 40)), 150);

        Assert.True(shortened);
        Assert.EndsWith("roasted…", text, StringComparison.Ordinal);
        Assert.True(PlatformRules.CountCharacters(text) <= 150);
    }

    private static (int, int) Decoded(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        using var codec = SKCodec.Create(new MemoryStream(png));
        Assert.NotNull(codec);
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(codec.Info.Width, bitmap.Width);
        return (codec.Info.Width, codec.Info.Height);
    }

    private static string Name(Random random)
    {
        var kind = random.Next(6);
        return kind switch
        {
            0 => "",
            1 => string.Concat(Enumerable.Range(0, 40).Select(_ => Words[random.Next(Words.Length)] + " ")),
            2 => new string('W', 120),
            3 => "🚀☕️👩‍👩‍👧‍👦",
            _ => string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Words[random.Next(Words.Length)])),
        };
    }

    private static IReadOnlyList<string> Colours(Random random) => random.Next(4) switch
    {
        0 => [],
        1 => [$"#{random.Next(0x1000000):X6}"],
        2 => [$"#{random.Next(0x1000000):X6}", $"#{random.Next(0x1000000):X6}", "#FFFFFF"],
        _ => ["not-a-colour", "#12"],
    };

    private static byte[] Logo(Random random)
    {
        // Odd shapes: a sliver, a tower, a dot, a transparent square.
        var (w, h) = random.Next(4) switch
        {
            0 => (1024, 12),
            1 => (9, 700),
            2 => (1, 1),
            _ => (random.Next(16, 1024), random.Next(16, 1024)),
        };
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(random.Next(2) == 0 ? SKColors.Transparent : new SKColor((uint)random.Next()));
            using var paint = new SKPaint { Color = SKColors.OrangeRed, IsAntialias = true };
            canvas.DrawCircle(w / 2f, h / 2f, Math.Min(w, h) / 3f, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static BrandProfile Profile(Random random)
    {
        string? Maybe(int max) => random.Next(3) switch
        {
            0 => null,
            1 => "",
            _ => Texty(random, random.Next(1, max)),
        };

        var values = Enumerable.Range(0, random.Next(0, 6)).Select(_ => new BrandValueDto(Texty(random, 30), Texty(random, 120))).ToList();
        return new BrandProfile(Guid.NewGuid(), Name(random), Maybe(2000), Maybe(120), random.Next(2) == 0 ? null : "https://example.com/x", Maybe(2000),
            Maybe(2000), Maybe(2000), Maybe(2000), Maybe(2000), values, Maybe(2000));
    }

    private static string Texty(Random random, int length)
    {
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(Words[random.Next(Words.Length)]).Append(random.Next(5) == 0 ? "" : " ");
        }

        return builder.ToString();
    }

    /// <summary>What a careless model might return: up to three times the limit, of words, emoji, CJK, links, or one word with no spaces.</summary>
    private static string Hostile(Random random, int limit) => random.Next(5) switch
    {
        0 => new string('x', limit * 3),
        1 => string.Concat(Enumerable.Repeat("🚀", limit * 2)),
        2 => string.Concat(Enumerable.Repeat("visit https://northwind.example/very/long/path and a.co ", limit / 10 + 5)),
        3 => string.Concat(Enumerable.Repeat("東京のコーヒー ", limit)),
        _ => Texty(random, limit * 3),
    };
}
