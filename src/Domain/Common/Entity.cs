namespace BrandAutomator.Domain.Common;

/// <summary>Base of every entity: an identity.</summary>
public abstract class Entity<TId>
    where TId : notnull
{
    public TId Id { get; protected set; } = default!;
}
