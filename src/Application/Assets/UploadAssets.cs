using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Assets;

/// <summary>A file of an upload, already streamed to a local temporary file with its size and SHA-256.</summary>
public sealed record StagedFile(string Path, string FileName, long Size, string Sha256);

/// <summary>
/// Accepts the files of one upload, all or nothing: each is identified by its bytes and checked against the limits,
/// stored, recorded and queued for processing. A refused file stops the whole upload and leaves nothing behind.
/// </summary>
public sealed record UploadAssets(IReadOnlyList<StagedFile> Files, Guid? CompanyId) : ICommand<IReadOnlyList<AssetDto>>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UploadAssetsHandler(
    ITenantDb db,
    ITenantContext tenant,
    ICurrentUser currentUser,
    IFileStorage storage,
    IContentInspector inspector,
    IAssetProcessingQueue queue,
    IOptions<AssetLimitOptions> limits,
    TimeProvider clock) : ICommandHandler<UploadAssets, IReadOnlyList<AssetDto>>
{
    public async ValueTask<IReadOnlyList<AssetDto>> Handle(UploadAssets command, CancellationToken cancellationToken)
    {
        if (command.Files.Count == 0)
        {
            throw InputValidationException.For("files", "Choose at least one file.");
        }

        if (command.Files.Count > limits.Value.MaxFilesPerRequest)
        {
            throw InputValidationException.For("files", $"Upload at most {limits.Value.MaxFilesPerRequest} files at a time.");
        }

        if (command.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, cancellationToken))
        {
            throw new NotFoundException("Company", companyId);
        }

        var accepted = new List<(StagedFile File, ContentInspection Content, string Field)>();
        for (var i = 0; i < command.Files.Count; i++)
        {
            accepted.Add(await InspectAsync(command.Files[i], $"files[{i}]", cancellationToken));
        }

        await EnsureNoDuplicatesAsync(accepted.Select(a => a.File).ToList(), cancellationToken);

        var now = clock.GetUtcNow();
        var saved = new List<string>();
        try
        {
            var assets = new List<BrandAsset>();
            foreach (var (file, content, _) in accepted)
            {
                var id = Guid.CreateVersion7(now);
                var key = AssetLinks.OriginalKey(tenant.TenantId, id, content.Extension);
                await using (var stream = File.OpenRead(file.Path))
                {
                    await storage.SaveAsync(key, stream, content.MediaType, cancellationToken);
                }

                saved.Add(key);
                var name = FileNames.WithExtension(FileNames.Sanitize(file.FileName), content.Extension);
                assets.Add(BrandAsset.Register(id, command.CompanyId, name, FileNames.Sanitize(file.FileName), ToAssetType(content.Kind),
                    content.MediaType, file.Size, file.Sha256, key, currentUser.UserId, now));
            }

            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            db.Assets.AddRange(assets);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The unique SHA-256 index: the same bytes were uploaded by another request a moment ago.
                throw new ConflictException("This file was uploaded at the same moment by another request; it is stored once.");
            }

            await queue.EnqueueAsync(assets.Select(a => a.Id).ToList(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return assets.Select(a => a.ToDto(storage)).ToList();
        }
        catch
        {
            foreach (var key in saved)
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }
    }

    private async Task<(StagedFile, ContentInspection, string)> InspectAsync(StagedFile file, string field, CancellationToken cancellationToken)
    {
        var name = FileNames.Sanitize(file.FileName);
        if (file.Size == 0)
        {
            throw InputValidationException.For(field, $"'{name}' is empty.");
        }

        ContentInspection content;
        await using (var stream = File.OpenRead(file.Path))
        {
            content = await inspector.InspectAsync(stream, file.FileName, cancellationToken);
        }

        if (!content.Accepted)
        {
            throw new UnsupportedContentException(field, $"'{name}' was refused: {content.RefusalReason}");
        }

        var max = limits.Value.MaxBytesFor(content.Kind);
        if (file.Size > max)
        {
            throw new PayloadTooLargeException(field, $"'{name}' is {Megabytes(file.Size)}; {content.Kind.ToString().ToLowerInvariant()} files may be up to {Megabytes(max)}.");
        }

        return (file, content, field);
    }

    private async Task EnsureNoDuplicatesAsync(IReadOnlyList<StagedFile> files, CancellationToken cancellationToken)
    {
        var repeated = files.GroupBy(f => f.Sha256).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ConflictException($"The same file is in this upload twice ('{FileNames.Sanitize(repeated.First().FileName)}').");
        }

        var hashes = files.Select(f => f.Sha256).ToList();
        var existing = await db.Assets.AsNoTracking().Where(a => hashes.Contains(a.Sha256)).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new ConflictException($"This file is already uploaded as '{existing.Name}' ({existing.Id}).");
        }
    }

    internal static AssetType ToAssetType(AssetKind kind) => kind switch
    {
        AssetKind.Image => AssetType.Image,
        AssetKind.Video => AssetType.Video,
        AssetKind.Text => AssetType.Text,
        _ => AssetType.Document,
    };

    private static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:0.#} MB";
}
