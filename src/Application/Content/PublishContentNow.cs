using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Common;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>Publishes a post now (through the same claim as a scheduled one). An <c>Idempotency-Key</c> makes a repeat harmless.</summary>
public sealed record PublishContentNow(Guid Id, string? IdempotencyKey) : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class PublishContentNowValidator : AbstractValidator<PublishContentNow>
{
    public PublishContentNowValidator() =>
        RuleFor(x => x.IdempotencyKey).MaximumLength(IdempotencyRecord.MaxKeyLength)
            .Matches("^[\\x21-\\x7E]*$").WithMessage("An idempotency key is printable ASCII without spaces.");
}

public sealed class PublishContentNowHandler(
    ITenantDb db, IAutomationEntitlement entitlement, IPublishScheduler scheduler, IdempotentRequests idempotency, TenantTime time,
    BrandGuard.ScheduleGate gate, TimeProvider clock) : ICommandHandler<PublishContentNow, ContentItemDto>
{
    private const string Operation = "publish-now";

    public async ValueTask<ContentItemDto> Handle(PublishContentNow command, CancellationToken cancellationToken)
    {
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        if (await idempotency.ReplayAsync<ContentItemDto>(command.IdempotencyKey, Operation, command.Id, cancellationToken) is { } replay)
        {
            return replay;
        }

        await entitlement.EnsureAutomationAsync(cancellationToken);
        // A post the brand check blocks goes out only once an admin has confirmed it at scheduling.
        await gate.EnsureAllowedAsync([item], confirmed: false, cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var assetTypes = await ContentReader.AssetTypesAsync(db, item.Variants, cancellationToken);
        item.Schedule(now, await ContentReader.ApprovalRequiredAsync(db, cancellationToken), assetTypes, now);
        var connections = await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken);
        ConnectedNetworks.Ensure(item, connections, now, "publish");
        var result = ContentItemDto.From(item, zone, null, connections, now);
        idempotency.Record(command.IdempotencyKey, Operation, command.Id, result);
        await idempotency.SaveAsync(command.IdempotencyKey, cancellationToken);
        await scheduler.ScheduleAsync(item.Id, now, cancellationToken);
        return result;
    }
}
