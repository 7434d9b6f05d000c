using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

public sealed record AuditEventDto(long Id, string Type, Guid? UserId, string Detail, string? IpAddress, DateTimeOffset OccurredAt);

public sealed record AuditPage(IReadOnlyList<AuditEventDto> Items, int Page, int PageSize, int Total);

/// <summary>The security events of the caller's tenant, newest first; admins only.</summary>
public sealed record ListAuditEvents(Guid TenantId, int Page = 1, int PageSize = 50) : IQuery<AuditPage>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEvents>
{
    public ListAuditEventsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
    }
}

public sealed class ListAuditEventsHandler(ICatalogDb catalog, ICurrentUser currentUser) : IQueryHandler<ListAuditEvents, AuditPage>
{
    public async ValueTask<AuditPage> Handle(ListAuditEvents query, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(query.TenantId);
        // Events not tied to a tenant (a failed sign-in) are shown to the admins of every tenant the user belongs to.
        var memberIds = catalog.Memberships.Where(m => m.TenantId == query.TenantId).Select(m => (Guid?)m.UserId);
        var events = catalog.AuditEvents.Where(e => e.TenantId == query.TenantId || (e.TenantId == null && memberIds.Contains(e.UserId)));
        var total = await events.CountAsync(cancellationToken);
        var items = await events
            .OrderByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(e => new AuditEventDto(e.Id, e.Type.ToString(), e.UserId, e.Detail, e.IpAddress, e.OccurredAt))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, query.Page, query.PageSize, total);
    }
}
