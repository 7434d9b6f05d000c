using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>The system jobs' loop: one command for every ready tenant, each in its own scope set to that tenant.</summary>
internal static class EveryTenant
{
    /// <summary>
    /// Sends the command <paramref name="request"/> makes to every ready tenant and hands each answer to <paramref name="done"/>.
    /// One tenant's trouble (a schema being migrated) goes to <paramref name="failed"/> and does not stop the others.
    /// </summary>
    public static async Task SendAsync<TResponse>(
        ICatalogDb catalog, IServiceScopeFactory scopes, Func<ICommand<TResponse>> request, Action<Guid, TResponse> done,
        Action<Guid, Exception> failed, CancellationToken cancellationToken)
    {
        var tenants = await catalog.Tenants.AsNoTracking().Where(t => t.State == TenantState.Ready).Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var tenantId in tenants)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(tenantId);
                done(tenantId, await scope.ServiceProvider.GetRequiredService<ISender>().Send(request(), cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(tenantId, ex);
            }
        }
    }
}
