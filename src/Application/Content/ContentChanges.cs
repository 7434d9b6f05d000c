using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>Saves a member's change to a post that the publishing job may claim at the same moment.</summary>
internal static class ContentChanges
{
    public static async Task SaveOrConflictAsync(ITenantDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The publishing job claimed the post between our read and our write; its state wins.
            throw new ConflictException("The post changed while this request ran (it may have started publishing); reload it and try again.");
        }
    }
}
