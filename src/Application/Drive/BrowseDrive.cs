using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Drive;

/// <summary>
/// A folder of the connected Drive, one page at a time (<c>files.list</c>), for choosing what to import; <c>root</c> (the
/// default) is My Drive.
/// </summary>
public sealed record BrowseDrive(string? FolderId, string? PageToken) : IQuery<DriveFolderPageDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class BrowseDriveValidator : AbstractValidator<BrowseDrive>
{
    public BrowseDriveValidator()
    {
        RuleFor(x => x.FolderId).MaximumLength(200).Matches("^[A-Za-z0-9_-]+$").When(x => x.FolderId is not null)
            .WithMessage("This is not a Google Drive folder id.");
        RuleFor(x => x.PageToken).MaximumLength(2000);
    }
}

public sealed class BrowseDriveHandler(DriveAccess access, IGoogleDrive drive) : IQueryHandler<BrowseDrive, DriveFolderPageDto>
{
    public async ValueTask<DriveFolderPageDto> Handle(BrowseDrive query, CancellationToken cancellationToken)
    {
        var connection = await access.ConnectionAsync(cancellationToken);
        var token = await access.AccessTokenAsync(connection, cancellationToken);
        var folder = string.IsNullOrEmpty(query.FolderId) ? "root" : query.FolderId;
        try
        {
            var page = await drive.ListFolderAsync(token, folder, query.PageToken, cancellationToken);
            return new DriveFolderPageDto(folder, page.Files.Select(f => f.ToItem()).ToList(), page.NextPageToken);
        }
        catch (DriveAuthorizationException ex)
        {
            // A folder this account cannot open, or a withdrawn access: either way, words the user can act on.
            throw new ConflictException(ex.Message);
        }
    }
}
