using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Drive;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Drive;

/// <summary>
/// Google Drive API v3 over plain HTTP: <c>files.list</c> with paging, <c>files.get</c> (metadata, and <c>alt=media</c>
/// streamed), <c>files.export</c>, <c>changes.getStartPageToken</c> and <c>changes.list</c>. Drive's quota refusals
/// (403 <c>rateLimitExceeded</c>/<c>userRateLimitExceeded</c>, 429) and 5xx answers are retried with exponential backoff
/// and full jitter, as Google asks; a 401 means the token no longer works and is never retried.
/// </summary>
public sealed partial class GoogleDriveClient(
    HttpClient http, IOptions<GoogleDriveOptions> options, TimeProvider clock, ILogger<GoogleDriveClient> logger) : IGoogleDrive
{
    public const string FileFields = "id,name,mimeType,size,modifiedTime,md5Checksum,parents,trashed";

    private static readonly HashSet<string> QuotaReasons = new(StringComparer.Ordinal)
    {
        "rateLimitExceeded", "userRateLimitExceeded", "dailyLimitExceeded", "backendError",
    };

    private readonly GoogleDriveOptions _options = options.Value;

    public async Task<DriveFilePage> ListFolderAsync(string accessToken, string folderId, string? pageToken, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string?>
        {
            // Drive's query language quotes with single quotes and escapes them with a backslash.
            ["q"] = $"'{folderId.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}' in parents and trashed = false",
            ["fields"] = $"nextPageToken,files({FileFields})",
            ["pageSize"] = "100",
            ["orderBy"] = "folder,name",
            ["supportsAllDrives"] = "true",
            ["includeItemsFromAllDrives"] = "true",
            ["pageToken"] = pageToken,
        };
        var body = await GetJsonAsync(accessToken, Url("drive/v3/files", query), "list the folder", cancellationToken);
        var files = body?["files"]?.AsArray().Select(f => FileFrom(f!)).ToList() ?? [];
        return new DriveFilePage(files, body?["nextPageToken"]?.GetValue<string>());
    }

    public async Task<DriveFile?> GetFileAsync(string accessToken, string fileId, CancellationToken cancellationToken)
    {
        var url = Url($"drive/v3/files/{Uri.EscapeDataString(fileId)}", new() { ["fields"] = FileFields, ["supportsAllDrives"] = "true" });
        var body = await GetJsonAsync(accessToken, url, "read the file", cancellationToken, notFoundIsNull: true);
        return body is null ? null : FileFrom(body);
    }

    public async Task<DriveContent?> OpenContentAsync(string accessToken, DriveFile file, CancellationToken cancellationToken)
    {
        Uri url;
        string contentType;
        if (file.IsGoogleNative)
        {
            if (DriveExports.For(file.MimeType) is not { } export)
            {
                return null;
            }

            url = Url($"drive/v3/files/{Uri.EscapeDataString(file.Id)}/export", new() { ["mimeType"] = export.MimeType });
            contentType = export.MimeType;
        }
        else
        {
            url = Url($"drive/v3/files/{Uri.EscapeDataString(file.Id)}", new() { ["alt"] = "media", ["supportsAllDrives"] = "true" });
            contentType = file.MimeType;
        }

        // Headers only: the body is handed on as a stream and copied to storage as it arrives.
        var response = await SendAsync(accessToken, url, HttpCompletionOption.ResponseHeadersRead, "download the file", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new DriveContent(stream, contentType, DriveExports.ImportedName(file), response.Content.Headers.ContentLength, response);
    }

    public async Task<string> GetStartPageTokenAsync(string accessToken, CancellationToken cancellationToken)
    {
        var body = await GetJsonAsync(accessToken, Url("drive/v3/changes/startPageToken", new() { ["supportsAllDrives"] = "true" }),
            "start the changes feed", cancellationToken);
        return body?["startPageToken"]?.GetValue<string>()
               ?? throw new ExternalServiceException("Google Drive", "Google Drive answered without a start page token.");
    }

    public async Task<DriveChangePage> ListChangesAsync(string accessToken, string pageToken, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string?>
        {
            ["pageToken"] = pageToken,
            ["fields"] = $"nextPageToken,newStartPageToken,changes(fileId,removed,file({FileFields}))",
            ["includeRemoved"] = "true",
            ["pageSize"] = "100",
            ["supportsAllDrives"] = "true",
            ["includeItemsFromAllDrives"] = "true",
        };
        var body = await GetJsonAsync(accessToken, Url("drive/v3/changes", query), "read the changes", cancellationToken);
        var changes = body?["changes"]?.AsArray()
            .Select(c => new DriveChange(
                c!["fileId"]!.GetValue<string>(),
                c["removed"]?.GetValue<bool>() ?? false,
                c["file"] is JsonObject f ? FileFrom(f) : null))
            .ToList() ?? [];
        return new DriveChangePage(changes, body?["nextPageToken"]?.GetValue<string>(), body?["newStartPageToken"]?.GetValue<string>());
    }

    private async Task<JsonNode?> GetJsonAsync(
        string accessToken, Uri url, string what, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
        using var response = await SendAsync(accessToken, url, HttpCompletionOption.ResponseContentRead, what, timeout.Token);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return notFoundIsNull ? null : throw new ExternalServiceException("Google Drive", $"Google Drive could not {what}: it was not found.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        try
        {
            return await JsonNode.ParseAsync(stream, cancellationToken: timeout.Token);
        }
        catch (JsonException ex)
        {
            throw new ExternalServiceException("Google Drive", $"Google Drive's answer to {what} was not JSON.", ex);
        }
    }

    /// <summary>
    /// Sends a GET, retrying quota refusals and server errors with backoff; returns a success or a 404 (the caller says
    /// what a missing file means); anything else becomes an exception the user can read.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(
        string accessToken, Uri url, HttpCompletionOption completion, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, completion, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < _options.MaxAttempts)
            {
                // A GET is harmless to repeat, so a lost connection is simply tried again.
                LogRetry(logger, what, 0, attempt, ex.HttpRequestError.ToString());
                await Task.Delay(Backoff(attempt, null), clock, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new ExternalServiceException("Google Drive", $"Google Drive could not be reached to {what}. Try again in a moment.", ex);
            }

            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
            {
                return response;
            }

            using (response)
            {
                var reason = await ErrorReasonAsync(response, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    throw new DriveAuthorizationException("Google Drive no longer accepts this connection's access: connect Google Drive again.");
                }

                var retryable = response.StatusCode == HttpStatusCode.TooManyRequests
                                || (int)response.StatusCode >= 500
                                || (response.StatusCode == HttpStatusCode.Forbidden && reason is not null && QuotaReasons.Contains(reason));
                if (retryable && attempt < _options.MaxAttempts)
                {
                    LogRetry(logger, what, (int)response.StatusCode, attempt, reason);
                    await Task.Delay(Backoff(attempt, response.Headers.RetryAfter), clock, cancellationToken);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.Forbidden && !retryable)
                {
                    throw new DriveAuthorizationException(
                        "Google Drive refused access to this file or folder: the connected account cannot read it, or the connection's permission is too narrow.");
                }

                throw new ExternalServiceException("Google Drive", retryable
                    ? $"Google Drive is busy and could not {what} after {attempt} tries. The next sync tries again."
                    : $"Google Drive could not {what} (HTTP {(int)response.StatusCode}).");
            }
        }
    }

    /// <summary>Full jitter: a random wait up to min(cap, base * 2^(attempt-1)), never shorter than a Retry-After Drive gave.</summary>
    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        var ceiling = Math.Min(_options.MaxRetryDelaySeconds * 1000.0, _options.BaseRetryDelayMilliseconds * Math.Pow(2, attempt - 1));
        var wait = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
        return asked is { } floor && floor > wait ? TimeSpan.FromSeconds(Math.Min(floor.TotalSeconds, _options.MaxRetryDelaySeconds)) : wait;
    }

    /// <summary>Drive's error reason (<c>error.errors[0].reason</c>, e.g. <c>userRateLimitExceeded</c>), when it gave one.</summary>
    private static async Task<string?> ErrorReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return body?["error"]?["errors"]?[0]?["reason"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static DriveFile FileFrom(JsonNode node) => new(
        node["id"]!.GetValue<string>(),
        node["name"]?.GetValue<string>() ?? "Untitled",
        node["mimeType"]?.GetValue<string>() ?? "application/octet-stream",
        // Drive writes int64 fields as strings.
        long.TryParse(node["size"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null,
        DateTimeOffset.TryParse(node["modifiedTime"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified)
            ? modified
            : DateTimeOffset.UnixEpoch,
        node["md5Checksum"]?.GetValue<string>(),
        node["parents"]?.AsArray().Select(p => p!.GetValue<string>()).ToList() ?? [],
        node["trashed"]?.GetValue<bool>() ?? false);

    private Uri Url(string path, Dictionary<string, string?> query)
    {
        var pairs = query.Where(p => p.Value is not null).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}");
        return new Uri($"{_options.ApiBaseUrl.TrimEnd('/')}/{path}?{string.Join('&', pairs)}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google Drive: could not {What} (HTTP {Status}, attempt {Attempt}, reason {Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string what, int status, int attempt, string? reason);
}
