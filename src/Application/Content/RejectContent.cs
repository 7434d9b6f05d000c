using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Content;

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
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        item.Reject(user.UserId, command.Comment, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), clock.GetUtcNow(), cancellationToken);
    }
}
