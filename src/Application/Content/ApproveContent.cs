using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>An admin approves: InReview -> Approved, optionally with a comment.</summary>
public sealed record ApproveContent(Guid Id, string? Comment) : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class ApproveContentValidator : AbstractValidator<ApproveContent>
{
    public ApproveContentValidator() => RuleFor(x => x.Comment).MaximumLength(ContentItem.MaxCommentLength);
}

public sealed class ApproveContentHandler(ITenantDb db, ICurrentUser user, TenantTime time, TimeProvider clock)
    : ICommandHandler<ApproveContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(ApproveContent command, CancellationToken cancellationToken)
    {
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        var mayApproveOwn = await ContentReader.AdminsMayApproveOwnPostsAsync(db, cancellationToken);
        item.Approve(user.UserId, command.Comment, mayApproveOwn, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), clock.GetUtcNow(), cancellationToken);
    }
}
