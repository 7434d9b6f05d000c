using Microsoft.Net.Http.Headers;

namespace BrandAutomator.Infrastructure.Files;

/// <summary>The <c>Content-Disposition</c> that makes a browser save a file under a given name.</summary>
public static class DownloadNames
{
    /// <summary>
    /// <c>attachment; filename="..."; filename*=UTF-8''...</c>: an ASCII fallback and the exact name (RFC 6266), with
    /// control characters and path separators removed so the name cannot break the header or point into a folder.
    /// </summary>
    public static string AttachmentDisposition(string fileName)
    {
        var clean = new string(fileName.Where(c => !char.IsControl(c) && c is not ('/' or '\\')).ToArray()).Trim();
        var value = new ContentDispositionHeaderValue("attachment");
        value.SetHttpFileName(clean.Length == 0 ? "download" : clean);
        return value.ToString();
    }
}
