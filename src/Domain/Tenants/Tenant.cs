using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Tenants;

public enum TenantState
{
    Provisioning,
    Ready,
}

/// <summary>A customer account. Its data lives in its own PostgreSQL schema, named from its id.</summary>
public sealed class Tenant : Entity<Guid>
{
    public const int MaxNameLength = 120;

    private Tenant()
    {
    }

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    /// <summary><c>tenant_</c> and the 32 hex digits of the id: derived, never taken from input.</summary>
    public string SchemaName { get; private set; } = "";

    public TenantState State { get; private set; }

    public string TimeZone { get; private set; } = "UTC";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last tenant migration applied to this tenant's schema.</summary>
    public string? SchemaVersion { get; private set; }

    public static Tenant Create(string name, DateTimeOffset now)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new DomainRuleException($"A tenant name has 1 to {MaxNameLength} characters.", "name");
        }

        var id = Guid.CreateVersion7(now);
        return new Tenant
        {
            Id = id,
            Name = trimmed,
            Slug = Slugify(trimmed),
            SchemaName = SchemaNameFor(id),
            State = TenantState.Provisioning,
            CreatedAt = now,
        };
    }

    public static string SchemaNameFor(Guid tenantId) => $"tenant_{tenantId:N}";

    /// <summary>The schema exists with every tenant table: the tenant may be used.</summary>
    public void MarkReady() => State = TenantState.Ready;

    public void RecordSchemaVersion(string migrationId) => SchemaVersion = migrationId;

    public void Rename(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new DomainRuleException($"A tenant name has 1 to {MaxNameLength} characters.", "name");
        }

        Name = trimmed;
        Slug = Slugify(trimmed);
    }

    /// <summary>The IANA zone in which members enter and read times; <paramref name="timeZoneId"/> is known to the system.</summary>
    public void SetTimeZone(string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId.Length > 64)
        {
            throw new DomainRuleException("Give an IANA time zone such as Europe/Berlin.", "timeZone");
        }

        TimeZone = timeZoneId;
    }

    private static string Slugify(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "tenant" : slug[..Math.Min(slug.Length, 60)];
    }
}
