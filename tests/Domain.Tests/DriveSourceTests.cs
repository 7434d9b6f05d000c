using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Drive;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

public class DriveSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_folder_follows_changes_only_once_imported_with_sync_on()
    {
        var source = DriveSource.ForFolder("1abc", "Brand kit", sync: true, null, "101", Guid.NewGuid(), Now);
        Assert.False(source.FollowsChanges);

        source.StartImport(Now);
        source.FinishImport(Now.AddMinutes(1));
        Assert.True(source.FollowsChanges);

        source.ChangeSync(false, Now.AddMinutes(2));
        Assert.False(source.FollowsChanges);
    }

    [Fact]
    public void Chosen_files_cannot_be_kept_in_sync_and_need_at_least_one_file()
    {
        var files = DriveSource.ForFiles(["a", "b", "a"], null, Guid.NewGuid(), Now);
        Assert.Equal(new[] { "a", "b" }, files.FileIds);
        Assert.Equal("2 chosen files", files.Name);

        Assert.Equal("sync", Assert.Throws<DomainRuleException>(() => files.ChangeSync(true, Now)).Field);
        Assert.Throws<DomainRuleException>(() => DriveSource.ForFiles([], null, Guid.NewGuid(), Now));
    }

    [Fact]
    public void A_sync_that_fails_keeps_its_token_and_one_that_succeeds_moves_it_on()
    {
        var source = DriveSource.ForFolder("1abc", "Brand kit", sync: true, null, "101", Guid.NewGuid(), Now);
        source.SyncFailed("Google Drive is busy.", Now);
        Assert.Equal("101", source.PageToken);
        Assert.Equal("Google Drive is busy.", source.FailureReason);

        source.Synced("140", Now.AddMinutes(5));
        Assert.Equal("140", source.PageToken);
        Assert.Null(source.FailureReason);
        Assert.Equal(Now.AddMinutes(5), source.LastSyncedAt);
    }

    [Fact]
    public void Notes_keep_the_newest_few()
    {
        var source = DriveSource.ForFolder("1abc", "Brand kit", sync: false, null, "101", Guid.NewGuid(), Now);
        for (var i = 0; i < DriveSource.MaxNotes + 5; i++)
        {
            source.Skip($"file {i}");
        }

        Assert.Equal(DriveSource.MaxNotes + 5, source.SkippedCount);
        Assert.Equal(DriveSource.MaxNotes, source.Notes.Count);
        Assert.Equal($"file {DriveSource.MaxNotes + 4}", source.Notes[^1]);
    }

    [Fact]
    public void A_new_revision_replaces_the_bytes_and_is_processed_again_as_the_next_version()
    {
        var asset = BrandAsset.Register(Guid.NewGuid(), null, "Price list.pdf", "Price list.pdf", AssetType.Document, "application/pdf", 10,
            new string('a', 64), "tenant-x/assets/1/original.pdf", Guid.NewGuid(), Now);
        asset.RecordOrigin(AssetOrigin.FromDrive(Guid.NewGuid(), "1drv", "Price list.pdf", "r1", Now), Now);
        asset.StartProcessing(Now);
        asset.RecordImage(10, 10, "s", "l");
        asset.MarkReady(4, Now);

        asset.ReplaceContent(AssetType.Document, "application/pdf", 20, new string('b', 64), "tenant-x/assets/1/original-v2.pdf", Now.AddDays(1));

        Assert.Equal(2, asset.Version);
        Assert.Equal(AssetState.Uploaded, asset.State);
        Assert.Equal(0, asset.ChunkCount);
        Assert.Null(asset.ThumbnailSmallKey);
        Assert.Equal("tenant-x/assets/1/original-v2.pdf", asset.StorageKey);
        Assert.Equal("Price list.pdf", asset.Name);
        Assert.Equal("https://drive.google.com/open?id=1drv", asset.Origin!.Link);
        Assert.True(asset.StartProcessing(Now.AddDays(1)));
    }

    [Fact]
    public void A_drive_connection_without_a_working_grant_says_it_needs_the_user()
    {
        var connection = DriveConnection.Connect("brand@example.com", "a", "r", Now.AddHours(1), Guid.NewGuid(), Now);
        Assert.Equal(ConnectionHealth.Ok, connection.HealthAt(Now));
        Assert.True(connection.NeedsRefreshAt(Now.AddMinutes(59.5)));

        connection.Revoke("withdrawn", Now);
        Assert.Equal(ConnectionHealth.Revoked, connection.HealthAt(Now));
        Assert.False(connection.IsUsable);

        connection.ReplaceTokens("a2", null, Now.AddHours(2), Now);
        Assert.Equal(ConnectionHealth.Ok, connection.HealthAt(Now));
        Assert.Equal("r", connection.EncryptedRefreshToken);
    }
}
