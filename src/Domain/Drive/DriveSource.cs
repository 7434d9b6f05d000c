using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Drive;

public enum DriveSourceKind
{
    Folder,
    Files,
}

public enum DriveImportState
{
    /// <summary>Waiting for the import job.</summary>
    Queued,
    Importing,
    /// <summary>The first import is done; a synced source is now kept up to date.</summary>
    Imported,
    Failed,
}

/// <summary>
/// What was imported from Google Drive in one go: a folder (optionally kept in sync through Drive's changes feed from
/// <see cref="PageToken"/>) or chosen files. The import and every sync run claim it first (<see cref="ClaimId"/> until
/// <see cref="ClaimedUntil"/>), so that of two API nodes only one works on it at a time and a change is applied once.
/// </summary>
public sealed class DriveSource : Entity<Guid>
{
    public const int MaxFiles = 200;
    public const int MaxNotes = 20;
    public const int MaxNameLength = 200;

    private List<string> _fileIds = [];
    private List<string> _notes = [];

    private DriveSource()
    {
    }

    public DriveSourceKind Kind { get; private set; }

    /// <summary>The Drive folder's id (a folder source only).</summary>
    public string? FolderId { get; private set; }

    /// <summary>The folder's name, or a description of the chosen files.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The chosen files' ids (a files source only).</summary>
    public IReadOnlyList<string> FileIds => _fileIds;

    public Guid? CompanyId { get; private set; }

    /// <summary>Whether new, changed and removed files are followed after the first import (folders only).</summary>
    public bool Sync { get; private set; }

    /// <summary>Where Drive's changes feed continues; taken before the first listing, so nothing changed meanwhile is missed.</summary>
    public string? PageToken { get; private set; }

    public DriveImportState State { get; private set; }

    public int ImportedCount { get; private set; }

    public int SkippedCount { get; private set; }

    /// <summary>What the user should know about files that were not imported, in words (the last few).</summary>
    public IReadOnlyList<string> Notes => _notes;

    public string? FailureReason { get; private set; }

    public DateTimeOffset? LastSyncedAt { get; private set; }

    public Guid? ClaimId { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static DriveSource ForFolder(string folderId, string folderName, bool sync, Guid? companyId, string startPageToken, Guid createdBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(folderId))
        {
            throw new DomainRuleException("Choose a folder.", "folderId");
        }

        return new DriveSource
        {
            Id = Guid.CreateVersion7(now),
            Kind = DriveSourceKind.Folder,
            FolderId = folderId,
            Name = CleanName(folderName, "Google Drive folder"),
            CompanyId = companyId,
            Sync = sync,
            PageToken = startPageToken,
            State = DriveImportState.Queued,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static DriveSource ForFiles(IReadOnlyCollection<string> fileIds, Guid? companyId, Guid createdBy, DateTimeOffset now)
    {
        var ids = fileIds.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count is 0 or > MaxFiles)
        {
            throw new DomainRuleException($"Choose 1 to {MaxFiles} files.", "fileIds");
        }

        return new DriveSource
        {
            Id = Guid.CreateVersion7(now),
            Kind = DriveSourceKind.Files,
            Name = ids.Count == 1 ? "1 chosen file" : $"{ids.Count} chosen files",
            _fileIds = ids,
            CompanyId = companyId,
            State = DriveImportState.Queued,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Whether the sync job has work here: an imported folder with sync on.</summary>
    public bool FollowsChanges => Sync && Kind == DriveSourceKind.Folder && State == DriveImportState.Imported && PageToken is not null;

    public void StartImport(DateTimeOffset now)
    {
        State = DriveImportState.Importing;
        FailureReason = null;
        UpdatedAt = now;
    }

    public void CountImported(int count = 1) => ImportedCount += count;

    /// <summary>A file that was not imported, with why (kept for the user, the newest few).</summary>
    public void Skip(string note)
    {
        SkippedCount++;
        _notes = [.. _notes.Append(note.Length > 300 ? note[..300] : note).TakeLast(MaxNotes)];
    }

    public void FinishImport(DateTimeOffset now)
    {
        State = DriveImportState.Imported;
        LastSyncedAt = now;
        UpdatedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        State = DriveImportState.Failed;
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
        UpdatedAt = now;
    }

    /// <summary>A sync run read the changes up to <paramref name="pageToken"/> and applied them.</summary>
    public void Synced(string pageToken, DateTimeOffset now)
    {
        PageToken = pageToken;
        FailureReason = null;
        LastSyncedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A sync run could not finish; the saved token stays, so the next run reads the same changes again.</summary>
    public void SyncFailed(string reason, DateTimeOffset now)
    {
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
        UpdatedAt = now;
    }

    public void ChangeSync(bool sync, DateTimeOffset now)
    {
        if (sync && Kind != DriveSourceKind.Folder)
        {
            throw new DomainRuleException("Only an imported folder can be kept in sync.", "sync");
        }

        Sync = sync;
        UpdatedAt = now;
    }


    private static string CleanName(string name, string fallback)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return fallback;
        }

        return trimmed.Length > MaxNameLength ? trimmed[..MaxNameLength] : trimmed;
    }
}
