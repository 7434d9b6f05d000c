namespace BrandAutomator.Domain.Common;

/// <summary>Base of every entity: an identity and the domain events raised since it was loaded.</summary>
public abstract class Entity<TId>
    where TId : notnull
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public TId Id { get; protected set; } = default!;

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}

/// <summary>Something that happened in the domain that other parts may react to.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
