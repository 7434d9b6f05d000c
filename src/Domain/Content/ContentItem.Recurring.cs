namespace BrandAutomator.Domain.Content;

/// <summary>Posts that are occurrences of a recurring series.</summary>
public sealed partial class ContentItem
{
    /// <summary>The series this post is an occurrence of; null for a post of its own.</summary>
    public Guid? SeriesId { get; private set; }

    /// <summary>Which occurrence (from 0): unique in the series, so two nodes making the same occurrence make one post.</summary>
    public int? SeriesIndex { get; private set; }

    /// <summary>Occurrence <paramref name="index"/> of <paramref name="series"/>, planned at <paramref name="at"/>, as a draft.</summary>
    public static ContentItem Occurrence(RecurringSeries series, int index, DateTimeOffset at, DateTimeOffset now)
    {
        var item = Create(series.CompanyId, series.Title, series.Variants, at, series.CreatedBy, now);
        item.SeriesId = series.Id;
        item.SeriesIndex = index;
        return item;
    }

    /// <summary>Why an occurrence could not be scheduled, shown on the post; the rest of the series goes on.</summary>
    public void NoteNotScheduled(string reason, DateTimeOffset now)
    {
        LastError = Clip(reason);
        UpdatedAt = now;
    }

    /// <summary>Leaves one occurrence out: it is cancelled (and can be scheduled again); the others are untouched.</summary>
    public void Skip(DateTimeOffset now)
    {
        if (SeriesId is null)
        {
            throw new Common.DomainRuleException("Only a post of a recurring series can be skipped; cancel this one instead.");
        }

        Cancel(now);
    }
}
