using Microsoft.EntityFrameworkCore.Storage;

namespace BrandAutomator.Application.Common.Ports;

/// <summary>
/// An open transaction on the catalog. A method whose writes are only correct together with the caller's (a user, a
/// tenant row, a tenant schema) takes one as its first parameter, so that it cannot be called outside one.
/// </summary>
public sealed class CatalogTransaction : IAsyncDisposable
{
    private CatalogTransaction(IDbContextTransaction transaction) => Transaction = transaction;

    /// <summary>The database transaction, for adapters that write on the catalog's connection themselves.</summary>
    public IDbContextTransaction Transaction { get; }

    /// <summary>Begins a transaction that everything saved through <paramref name="catalog"/> (users included) joins until commit.</summary>
    public static async Task<CatalogTransaction> BeginAsync(ICatalogDb catalog, CancellationToken cancellationToken) =>
        new(await catalog.BeginTransactionAsync(cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => Transaction.DisposeAsync();
}
