using System.Text.Json;
using System.Text.Json.Serialization;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Persistence.Tenants;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>The hand-written variant converter stays interchangeable with the serializer that wrote the stored rows.</summary>
public sealed class ContentVariantJsonTests
{
    // What wrote every row before the converter: the web defaults with networks by name (variants had no options then,
    // so a variant without them is written without the property).
    private static readonly JsonSerializerOptions Before = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly List<ContentVariant> Variants =
    [
        new(SocialPlatform.LinkedIn, "Autumn blend \"Ember\" is here — 🍂 tasting notes:\ncherry, cocoa", [Guid.NewGuid(), Guid.NewGuid()]),
        new(SocialPlatform.X, "", []),
        new(SocialPlatform.GoogleBusiness, "<b>not markup</b> & more", [Guid.NewGuid()]),
    ];

    [Fact]
    public void It_writes_exactly_what_the_serializer_wrote_and_reads_it_back()
    {
        var written = JsonSerializer.Serialize(Variants, ContentVariantJson.Options);

        Assert.Equal(JsonSerializer.Serialize(Variants, Before), written);
        var read = JsonSerializer.Deserialize<List<ContentVariant>>(written, ContentVariantJson.Options)!;
        Assert.Equal(Variants.Count, read.Count);
        for (var i = 0; i < Variants.Count; i++)
        {
            Assert.Equal(Variants[i].Platform, read[i].Platform);
            Assert.Equal(Variants[i].Text, read[i].Text);
            Assert.Equal(Variants[i].MediaAssetIds, read[i].MediaAssetIds);
        }
    }

    [Fact]
    public void A_variant_with_network_settings_keeps_them_and_writes_only_those_set()
    {
        var at = new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero);
        List<ContentVariant> variants =
        [
            new(SocialPlatform.LinkedIn, "plain", []),
            new(SocialPlatform.Pinterest, "pin", [Guid.NewGuid()], new PostOptions(Title: "Loaf", BoardId: "42", Link: "https://acme.example/")),
            new(SocialPlatform.Pinterest, "all", [], new PostOptions("T", "B", "https://l.example/", "private", ["a", "b c"], at, true, false, true)),
        ];

        var written = JsonSerializer.Serialize(variants, ContentVariantJson.Options);
        var read = JsonSerializer.Deserialize<List<ContentVariant>>(written, ContentVariantJson.Options)!;

        Assert.DoesNotContain("options", written.Split("},{")[0], StringComparison.Ordinal);
        Assert.Contains("""
            "options":{"title":"Loaf","boardId":"42","link":"https://acme.example/"}
            """.Trim(), written, StringComparison.Ordinal);
        Assert.Null(read[0].Options);
        Assert.Equal(variants[1].Options, read[1].Options);
        var all = read[2].Options!;
        Assert.Equal(("T", "B", "https://l.example/", "private", at, true, false, true),
            (all.Title, all.BoardId, all.Link, all.Privacy, all.PublishAt!.Value, all.DisableComment, all.DisableDuet, all.DisableStitch));
        Assert.Equal(["a", "b c"], all.Tags!);
    }

    [Fact]
    public void It_reads_what_the_serializer_would_also_have_read()
    {
        var id = Guid.NewGuid();
        const string json = """
            [{"Text":"any case","PLATFORM":"facebook","MediaAssetIds":["{0}"],"extra":{"nested":[1,2]}},
             {"platform":3,"text":"a network by number"},
             {"platform":"Instagram","text":null,"mediaAssetIds":null}]
            """;

        var read = JsonSerializer.Deserialize<List<ContentVariant>>(json.Replace("{0}", id.ToString()), ContentVariantJson.Options)!;
        var expected = JsonSerializer.Deserialize<List<ContentVariantBefore>>(json.Replace("{0}", id.ToString()), Before)!;

        Assert.Equal(expected.Select(v => v.Platform), read.Select(v => v.Platform));
        Assert.Equal([SocialPlatform.Facebook, (SocialPlatform)3, SocialPlatform.Instagram], read.Select(v => v.Platform));
        Assert.Equal(["any case", "a network by number", ""], read.Select(v => v.Text));
        Assert.Equal([id], read[0].MediaAssetIds);
        Assert.Empty(read[1].MediaAssetIds);
        Assert.Empty(read[2].MediaAssetIds);
    }

    [Theory]
    [InlineData("""[{"text":"no network"}]""")]
    [InlineData("""[{"platform":"Myspace","text":"an unknown network"}]""")]
    [InlineData("""[{"platform":99,"text":"an unknown number"}]""")]
    [InlineData("""["not an object"]""")]
    public void A_variant_it_cannot_place_is_an_error_not_a_guess(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<List<ContentVariant>>(json, ContentVariantJson.Options));

    private sealed record ContentVariantBefore(SocialPlatform Platform, string? Text, IReadOnlyList<Guid>? MediaAssetIds);
}
