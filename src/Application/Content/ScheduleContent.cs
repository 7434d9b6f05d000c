using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Common;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>
/// Schedules one or many posts at once, all or none: each is checked against its networks' rules (a refusal names the
/// post, the network and the limit) and by the brand guard (a post with a finding of a blocking severity needs an admin
/// who confirms, and that is audited), then gets its trigger. An <c>Idempotency-Key</c> makes a repeat harmless.
/// </summary>
public sealed record ScheduleContent(IReadOnlyList<ScheduleItem> Items, string? IdempotencyKey, bool ConfirmBrandFindings = false)
    : ICommand<IReadOnlyList<ContentItemDto>>, IRequireRole
{
    public const int MaxItems = 500;

    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class ScheduleContentValidator : AbstractValidator<ScheduleContent>
{
    public ScheduleContentValidator()
    {
        RuleFor(x => x.Items).NotEmpty().WithMessage("Name at least one post.")
            .Must(i => i is null || i.Count <= ScheduleContent.MaxItems).WithMessage($"At most {ScheduleContent.MaxItems} posts at a time.")
            .Must(i => i is null || i.Select(x => x.Id).Distinct().Count() == i.Count).WithMessage("Each post once.");
        RuleFor(x => x.IdempotencyKey).MaximumLength(IdempotencyRecord.MaxKeyLength)
            .Matches("^[\\x21-\\x7E]*$").WithMessage("An idempotency key is printable ASCII without spaces.");
    }
}

public sealed class ScheduleContentHandler(
    ITenantDb db, IAutomationEntitlement entitlement, IPublishScheduler scheduler, IdempotentRequests idempotency, TenantTime time,
    BrandGuard.ScheduleGate gate, TimeProvider clock) : ICommandHandler<ScheduleContent, IReadOnlyList<ContentItemDto>>
{
    private const string Operation = "schedule-content";

    public async ValueTask<IReadOnlyList<ContentItemDto>> Handle(ScheduleContent command, CancellationToken cancellationToken)
    {
        var request = command.Items;
        if (await idempotency.ReplayAsync<List<ContentItemDto>>(command.IdempotencyKey, Operation, request, cancellationToken) is { } replay)
        {
            return replay;
        }

        await entitlement.EnsureAutomationAsync(cancellationToken);
        var ids = command.Items.Select(i => i.Id).ToList();
        var items = await db.ContentItems.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        // Guid? so that a missing empty id (an item sent without one) is found missing too, not taken for "none missing".
        if (ids.Where(id => !items.ContainsKey(id)).Select(id => (Guid?)id).FirstOrDefault() is { } missing)
        {
            throw new NotFoundException("Post", missing);
        }

        var overridden = await gate.EnsureAllowedAsync(command.Items.Select(i => items[i.Id]).ToList(), command.ConfirmBrandFindings, cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var approvalRequired = await ContentReader.ApprovalRequiredAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var connections = await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken);
        var prefix = command.Items.Count == 1 ? "" : "items[{0}].";
        for (var i = 0; i < command.Items.Count; i++)
        {
            var field = string.Format(System.Globalization.CultureInfo.InvariantCulture, prefix, i);
            var item = items[command.Items[i].Id];
            var at = command.Items[i].At is { Length: > 0 } text
                ? TenantTime.Parse(text, zone, field + "at")
                : item.ScheduledAt ?? throw InputValidationException.For(field + "at", "Give the time to publish at.");
            var assetTypes = await ContentReader.AssetTypesAsync(db, item.Variants, cancellationToken, field);
            try
            {
                item.Schedule(at, approvalRequired, assetTypes, now);
                ConnectedNetworks.Ensure(item, connections, now, "schedule");
            }
            catch (DomainRuleException e) when (prefix.Length > 0)
            {
                throw new DomainRuleException(e.Message, field + (e.Field ?? "id"));
            }
        }

        // Each scheduled post says straight away which of its networks' connections need attention soon.
        var result = command.Items.Select(i => ContentItemDto.From(items[i.Id], zone, null, connections, now)).ToList();
        idempotency.Record(command.IdempotencyKey, Operation, request, result);
        await idempotency.SaveAsync(command.IdempotencyKey, cancellationToken);
        // After the commit: a trigger that fails to be written is made good by the sweep once the post is overdue.
        await gate.AuditAsync(overridden, cancellationToken);
        await scheduler.ScheduleAsync(items.Values.Select(i => (i.Id, i.DueAt!.Value)).ToList(), cancellationToken);

        return result;
    }
}
