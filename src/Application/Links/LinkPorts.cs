namespace BrandAutomator.Application.Links;

/// <summary>Finds where a short link goes, fast and without touching any tenant's schema (answers are cached).</summary>
public interface IShortLinkDirectory
{
    /// <summary>The target address of <paramref name="code"/>, or null when there is no such link.</summary>
    ValueTask<string?> FindTargetAsync(string code, CancellationToken cancellationToken);
}

/// <summary>Counts a click off the redirect's path: noted in memory now, written to the database shortly after.</summary>
public interface IClickCounter
{
    void Count(string code);
}
