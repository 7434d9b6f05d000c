using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>An editor asks for review: Draft -> InReview.</summary>
public sealed record SubmitContent(Guid Id) : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class SubmitContentHandler(ITenantDb db, ICurrentUser user, TenantTime time, TimeProvider clock)
    : ICommandHandler<SubmitContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(SubmitContent command, CancellationToken cancellationToken)
    {
        var item = await ContentRules.LoadAsync(db, command.Id, cancellationToken);
        item.Submit(user.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ContentRules.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), cancellationToken);
    }
}

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
        var item = await ContentRules.LoadAsync(db, command.Id, cancellationToken);
        item.Approve(user.UserId, command.Comment, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ContentRules.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), cancellationToken);
    }
}

/// <summary>An admin sends the post back to Draft with a comment saying what to change.</summary>
public sealed record RejectContent(Guid Id, string Comment) : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class RejectContentValidator : AbstractValidator<RejectContent>
{
    public RejectContentValidator() => RuleFor(x => x.Comment).NotEmpty().WithMessage("Say what to change: a rejection needs a comment.")
        .MaximumLength(ContentItem.MaxCommentLength);
}

public sealed class RejectContentHandler(ITenantDb db, ICurrentUser user, TenantTime time, TimeProvider clock)
    : ICommandHandler<RejectContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(RejectContent command, CancellationToken cancellationToken)
    {
        var item = await ContentRules.LoadAsync(db, command.Id, cancellationToken);
        item.Reject(user.UserId, command.Comment, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ContentRules.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), cancellationToken);
    }
}
