using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Application.Common.Behaviors;

/// <summary>Which database a <see cref="ITransactionalCommand"/> writes to.</summary>
public enum TransactionStore
{
    /// <summary>The current tenant's schema, through <see cref="ITenantDb"/>.</summary>
    Tenant = 1,

    /// <summary>The shared catalog (accounts, tenants, memberships, billing), through <see cref="ICatalogDb"/>.</summary>
    Catalog = 2,
}

/// <summary>A command whose handler runs in one transaction on <see cref="Store"/>, committed when the handler returns.</summary>
public interface ITransactionalCommand
{
    static abstract TransactionStore Store { get; }
}

/// <summary>
/// The transaction the pipeline holds for the command being handled: the catalog's, for the ports whose signature asks
/// for it, and the work that must wait until the commit (Quartz triggers, audit entries on their own connection, e-mail,
/// revoking cached access), which is dropped when the command fails.
/// </summary>
public sealed class CommandTransaction
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private CatalogTransaction? _catalog;
    private bool _open;

    /// <summary>The open catalog transaction of a command whose store is <see cref="TransactionStore.Catalog"/>.</summary>
    public CatalogTransaction Catalog => _catalog
        ?? throw new InvalidOperationException("Only a command marked ITransactionalCommand with the catalog store has a catalog transaction.");

    /// <summary>Runs <paramref name="work"/> once the transaction has committed, in the order added.</summary>
    public void AfterCommit(Func<CancellationToken, Task> work)
    {
        if (!_open)
        {
            throw new InvalidOperationException("Work after the commit needs a command marked ITransactionalCommand.");
        }

        _afterCommit.Add(work);
    }

    internal void Open(CatalogTransaction? catalog)
    {
        _catalog = catalog;
        _afterCommit.Clear();
        _open = true;
    }

    internal List<Func<CancellationToken, Task>> Close()
    {
        var work = _afterCommit.ToList();
        _afterCommit.Clear();
        _catalog = null;
        _open = false;
        return work;
    }
}

/// <summary>
/// Last in the pipeline: runs the handler of an <see cref="ITransactionalCommand"/> in one transaction on its store and
/// commits when it returns; an exception rolls everything back. Then runs the work the handler left for after the commit.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IServiceProvider services) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly TransactionStore? Store = typeof(TMessage).GetInterfaces().Contains(typeof(ITransactionalCommand))
        ? (TransactionStore)typeof(TMessage).GetProperty(nameof(ITransactionalCommand.Store),
            System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!
        : null;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        Store is { } store ? InTransactionAsync(store, message, next, cancellationToken) : next(message, cancellationToken);

    private async ValueTask<TResponse> InTransactionAsync(
        TransactionStore store, TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Resolved only here: most messages need neither context, and a catalog command may have no tenant at all.
        var current = services.GetRequiredService<CommandTransaction>();
        CatalogTransaction? catalog = null;
        IDbContextTransaction transaction;
        if (store == TransactionStore.Catalog)
        {
            catalog = await CatalogTransaction.BeginAsync(services.GetRequiredService<ICatalogDb>(), cancellationToken);
            transaction = catalog.Transaction;
        }
        else
        {
            transaction = await services.GetRequiredService<ITenantDb>().BeginTransactionAsync(cancellationToken);
        }

        TResponse response;
        List<Func<CancellationToken, Task>> afterCommit;
        await using (transaction)
        {
            current.Open(catalog);
            try
            {
                response = await next(message, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                afterCommit = current.Close();
            }
        }

        foreach (var work in afterCommit)
        {
            await work(cancellationToken);
        }

        return response;
    }
}
