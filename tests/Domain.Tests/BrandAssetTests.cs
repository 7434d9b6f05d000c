using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Tests;

public class BrandAssetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static BrandAsset Ready(int indexVersion = 2, string? suggestion = null)
    {
        var asset = BrandAsset.Register(Guid.NewGuid(), null, "price-list.md", "price-list.md", AssetType.Text, "text/markdown", 10, new string('a', 64),
            "k", Guid.NewGuid(), Now);
        asset.StartProcessing(Now);
        asset.MarkReady(3, indexVersion, suggestion, Now);
        return asset;
    }

    [Fact]
    public void Archive_records_the_successor_and_clears_the_suggestion_and_restore_makes_it_current_again()
    {
        var asset = Ready(suggestion: "Its name says it is no longer current.");
        var successor = Guid.NewGuid();

        asset.Archive(successor, Now.AddHours(1));

        Assert.Equal(AssetStatus.Archived, asset.Status);
        Assert.Equal(successor, asset.SupersededBy);
        Assert.Equal(Now.AddHours(1), asset.ArchivedAt);
        Assert.Null(asset.ArchiveSuggestion);

        asset.Restore(Now.AddHours(2));

        Assert.Equal(AssetStatus.Current, asset.Status);
        Assert.Null(asset.SupersededBy);
        Assert.Null(asset.ArchivedAt);
    }

    [Fact]
    public void An_asset_cannot_supersede_itself_and_only_an_archived_one_is_restored()
    {
        var asset = Ready();

        Assert.Throws<DomainRuleException>(() => asset.Archive(asset.Id, Now));
        Assert.Throws<DomainRuleException>(() => asset.Restore(Now));
        Assert.Equal(AssetStatus.Current, asset.Status);
    }

    [Fact]
    public void Reindexing_is_requested_only_for_a_ready_asset_made_with_an_older_format()
    {
        var current = Ready(indexVersion: 2);
        var stale = Ready(indexVersion: 1);

        Assert.False(current.RequestReindex(2, Now));
        Assert.True(stale.RequestReindex(2, Now));
        Assert.Equal(AssetState.Uploaded, stale.State);
        Assert.Equal(0, stale.ProcessingAttempts);
        Assert.False(stale.RequestReindex(2, Now));
    }

    [Fact]
    public void An_archived_asset_processed_again_gets_no_archive_suggestion()
    {
        var asset = Ready();
        asset.Archive(null, Now);

        asset.MarkReady(3, 2, "Its opening lines say it is no longer current.", Now);

        Assert.Null(asset.ArchiveSuggestion);
    }

    [Fact]
    public void An_image_keeps_a_trimmed_description_of_at_most_1000_characters_and_a_document_has_none()
    {
        var image = BrandAsset.Register(Guid.NewGuid(), null, "loaf.png", "loaf.png", AssetType.Image, "image/png", 10, new string('b', 64),
            "k", Guid.NewGuid(), Now);
        image.Describe("  A loaf on a board  ", Now);
        Assert.Equal("A loaf on a board", image.AltText);
        Assert.Equal("altText", Assert.Throws<DomainRuleException>(() => image.Describe(new string('a', 1001), Now)).Field);
        image.Describe(" ", Now);
        Assert.Null(image.AltText);
        Assert.Throws<DomainRuleException>(() => Ready().Describe("A price list", Now));
    }
}
