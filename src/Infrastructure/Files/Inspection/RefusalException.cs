namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>
/// Thrown inside the structure walkers so that a deep parser can stop with the reason a person will read;
/// ContentInspector turns it into a refused inspection.
/// </summary>
internal sealed class RefusalException(string reason) : Exception(reason)
{
    public static RefusalException Truncated(string format) =>
        new($"The {format} file is truncated or damaged: it ends before its data does.");

    public static RefusalException Damaged(string format, string detail) =>
        new($"The {format} file is damaged ({detail}).");

    public static RefusalException DataAfterEnd(string format, string endMarker) =>
        new($"The {format} file has extra data after its end ({endMarker}): files that are two formats at once are not accepted.");
}
