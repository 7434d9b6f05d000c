using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Content;

/// <summary>
/// A recurring post: a title, variants and a <see cref="RepeatRule"/> from a first wall-clock time in the workspace's
/// time zone. Each occurrence becomes a post of its own (numbered from 0, unique per series), made ahead for
/// <see cref="Horizon"/> and topped up by a job: an occurrence has its own state, so one that fails, is skipped or is
/// edited moves no other. "This and following" ends the series before an occurrence and continues with a new one.
/// </summary>
public sealed class RecurringSeries : Entity<Guid>
{
    /// <summary>How far ahead occurrences are made: far enough to see in the calendar, near enough to change the series.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(56);

    private List<ContentVariant> _variants = [];

    private RecurringSeries()
    {
    }

    public Guid? CompanyId { get; private set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<ContentVariant> Variants => _variants;

    public RepeatRule Rule { get; private set; } = null!;

    /// <summary>The first occurrence's wall-clock time in the workspace's zone; every occurrence keeps its time of day.</summary>
    public DateTime FirstLocal { get; private set; }

    /// <summary>Occurrences made so far: indexes below this exist (or existed and were deleted), and are never made again.</summary>
    public int Made { get; private set; }

    /// <summary>Set by "this and following": from this index on, the occurrences belong to <see cref="ContinuedBy"/>.</summary>
    public int? EndsBeforeIndex { get; private set; }

    public Guid? ContinuedBy { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static RecurringSeries Create(
        Guid? companyId, string title, IReadOnlyList<ContentVariant> variants, RepeatRule rule, DateTime firstLocal, Guid createdBy,
        DateTimeOffset now)
    {
        // The post's own rules (title, one variant per network...) are checked by making the first one.
        var probe = ContentItem.Create(companyId, title, variants, null, createdBy, now);
        return new RecurringSeries
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            Title = probe.Title,
            _variants = probe.Variants.ToList(),
            Rule = rule.Validated(),
            FirstLocal = DateTime.SpecifyKind(firstLocal, DateTimeKind.Unspecified),
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The occurrences not made yet, up to <paramref name="until"/>.</summary>
    public IEnumerable<(int Index, DateTime Local, DateTimeOffset At)> Pending(TimeZoneInfo zone, DateTimeOffset until) =>
        Rule.Occurrences(FirstLocal, zone, until)
            .Where(o => o.Index >= Made)
            .TakeWhile(o => EndsBeforeIndex is null || o.Index < EndsBeforeIndex);

    /// <summary>Every occurrence of the series up to <paramref name="until"/>, made or not.</summary>
    public IEnumerable<(int Index, DateTime Local, DateTimeOffset At)> Occurrences(TimeZoneInfo zone, DateTimeOffset until) =>
        Rule.Occurrences(FirstLocal, zone, until).TakeWhile(o => EndsBeforeIndex is null || o.Index < EndsBeforeIndex);

    public void MadeUpTo(int index, DateTimeOffset now)
    {
        if (index >= Made)
        {
            Made = index + 1;
            UpdatedAt = now;
        }
    }

    /// <summary>
    /// "This and following": the series ends before occurrence <paramref name="index"/> (whose wall-clock time was
    /// <paramref name="local"/>), and a new series with the new text and time of day takes over from that day on, with
    /// the same rule (and what is left of its count).
    /// </summary>
    public RecurringSeries ContinueFrom(
        int index, DateTime local, string title, IReadOnlyList<ContentVariant> variants, TimeOnly? time, Guid by, DateTimeOffset now)
    {
        if (index < 0 || (EndsBeforeIndex is { } end && index >= end))
        {
            throw new DomainRuleException("That post is no longer part of this series.", "index");
        }

        var rule = Rule with { Count = Rule.Count is { } count ? count - index : null };
        var first = DateOnly.FromDateTime(local).ToDateTime(time ?? TimeOnly.FromDateTime(local));
        var next = Create(CompanyId, title, variants, rule, first, by, now);
        EndsBeforeIndex = index;
        ContinuedBy = next.Id;
        UpdatedAt = now;
        return next;
    }
}
