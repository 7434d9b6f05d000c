using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore.Storage;

namespace BrandAutomator.Infrastructure.Persistence.Catalog;

/// <summary>Refuses a <see cref="CatalogTransaction"/> that is not the open transaction of this scope's catalog.</summary>
internal static class CatalogTransactionCheck
{
    public static IDbContextTransaction EnsureCurrent(this CatalogDbContext catalog, CatalogTransaction transaction, string what) =>
        catalog.Database.CurrentTransaction is { } current && ReferenceEquals(current, transaction.Transaction)
            ? current
            : throw new InvalidOperationException($"{what} is written inside the open transaction of this scope's catalog.");
}
