namespace BrandAutomator.Infrastructure.Files;

/// <summary>
/// The shape every storage key must have, whatever the adapter: segments of letters, digits, '-', '_' and '.', joined by
/// '/', like <c>tenant-{id}/assets/{assetId}/original.png</c>. Keys are made by our code, never taken from a file name,
/// so the rule can be strict: nothing can climb out of the storage root, and a key needs no escaping in a URL or a path.
/// </summary>
public static class StorageKey
{
    /// <summary>Google Cloud Storage's limit for an object name, in bytes; ours are ASCII.</summary>
    public const int MaxLength = 1024;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            // Empty segments are a leading '/' (absolute), a trailing '/' or '//'. A leading '.' covers "." and ".."
            // and keeps keys apart from the hidden temporary files that uploads are written to.
            if (segment.Length == 0 || segment[0] == '.' || !segment.All(IsAllowed))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws unless <paramref name="key"/> <see cref="IsValid">is valid</see>.</summary>
    public static string Require(string? key) => IsValid(key)
        ? key!
        : throw new ArgumentException(
            "A storage key is made of segments of letters, digits, '-', '_' and '.' joined by '/'; no segment is empty or starts with '.'.",
            nameof(key));

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
