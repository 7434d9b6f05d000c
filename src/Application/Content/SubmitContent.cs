using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
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
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        item.Submit(user.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), clock.GetUtcNow(), cancellationToken);
    }
}
