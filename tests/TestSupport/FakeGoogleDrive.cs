using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.TestSupport;

/// <summary>One request the fake Drive received.</summary>
public sealed record FakeDriveRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query);

/// <summary>
/// A local Google Drive speaking the v3 wire format on Kestrel (so large files are streamed as they are generated, as
/// Drive streams them, rather than built in memory): <c>GET /drive/v3/files?q='id' in parents</c> with paging,
/// <c>GET /drive/v3/files/{id}</c> (metadata, or the bytes with <c>alt=media</c>), <c>GET /drive/v3/files/{id}/export</c>,
/// <c>GET /drive/v3/changes/startPageToken</c> and <c>GET /drive/v3/changes</c>. Every request needs the bearer token;
/// errors are Drive's <c>{"error":{"errors":[{"reason":...}],"code":...,"message":...}}</c>.
/// </summary>
public sealed class FakeGoogleDrive : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, DriveItem> _files = new(StringComparer.Ordinal);
    private readonly List<(long Sequence, string FileId, bool Removed)> _changes = [];
    private readonly ConcurrentQueue<FakeDriveRequest> _requests = new();
    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private long _sequence = 100;
    private long _ids = 1000;
    private int _rateLimited;
    private int _verifiedExchanges;
    private readonly ConcurrentDictionary<string, (string Challenge, string Redirect)> _codes = new(StringComparer.Ordinal);
    private long _bytesServed;

    private FakeGoogleDrive(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The token requests must carry.</summary>
    public string AccessToken { get; set; } = "ya29.fake-drive-token";

    /// <summary>The OAuth client the authorisation server knows (<c>/o/oauth2/v2/auth</c> and <c>/token</c>).</summary>
    public const string ClientId = "drive-client.apps.googleusercontent.com";

    public const string ClientSecret = "drive-client-secret";

    /// <summary>The account <c>/drive/v3/about</c> names.</summary>
    public const string AccountEmail = "brand.team@example.com";

    /// <summary>Code exchanges whose verifier matched the challenge.</summary>
    public int VerifiedExchanges => Volatile.Read(ref _verifiedExchanges);

    /// <summary>The settings that point the API's Google Drive at this fake.</summary>
    public IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["GoogleDrive:ApiBaseUrl"] = BaseUrl,
        ["GoogleDrive:AuthorizeUrl"] = $"{BaseUrl}/o/oauth2/v2/auth",
        ["GoogleDrive:TokenUrl"] = $"{BaseUrl}/token",
        ["GoogleDrive:ClientId"] = ClientId,
        ["GoogleDrive:ClientSecret"] = ClientSecret,
        ["GoogleDrive:BaseRetryDelayMilliseconds"] = "20",
        ["GoogleDrive:MaxRetryDelaySeconds"] = "1",
    };

    /// <summary>The most files one page holds, whatever pageSize asks (Drive may return fewer than asked, too).</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Bytes of file content sent so far (downloads and exports).</summary>
    public long BytesServed => Interlocked.Read(ref _bytesServed);

    public IReadOnlyList<FakeDriveRequest> Requests => _requests.ToArray();

    public static async Task<FakeGoogleDrive> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGoogleDrive(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public string AddFolder(string name, string parentId = "root") => Add(name, "application/vnd.google-apps.folder", parentId, null, null, null);

    /// <summary>A file with these bytes.</summary>
    public string AddFile(string name, string mimeType, byte[] content, string parentId) =>
        Add(name, mimeType, parentId, content.LongLength, _ => content, null);

    /// <summary>A file of <paramref name="size"/> bytes made on the fly from <paramref name="seed"/> (see <see cref="GeneratedBytes"/>).</summary>
    public string AddGeneratedFile(string name, string mimeType, long size, int seed, string parentId) =>
        Add(name, mimeType, parentId, size, null, seed);

    /// <summary>
    /// An MP4 of <paramref name="size"/> bytes made on the fly: a real ftyp and moov (60 s, 1920x1080), then one mdat box
    /// of generated bytes filling the rest, so that the file is a valid video however large.
    /// </summary>
    public string AddGeneratedVideo(string name, long size, int seed, string parentId)
    {
        var head = SampleFiles.Mp4();
        // SampleFiles.Mp4 ends with an 8-byte mdat header and 64 bytes of media: keep ftyp and moov, write our own mdat.
        var boxes = head[..^72];
        var mdat = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(mdat, checked((uint)(size - boxes.Length)));
        "mdat"u8.CopyTo(mdat.AsSpan(4));
        var id = Add(name, "video/mp4", parentId, size, null, seed);
        _files[id] = _files[id] with { Prefix = [.. boxes, .. mdat] };
        return id;
    }

    /// <summary>A Google Docs editors file (Doc, Sheet, Slides) and what each export format gives.</summary>
    public string AddGoogleFile(string name, string googleMimeType, IReadOnlyDictionary<string, byte[]> exports, string parentId) =>
        Add(name, googleMimeType, parentId, null, null, null, exports);

    /// <summary>New content (and a new modified time); the changes feed reports the file.</summary>
    public void Change(string fileId, byte[] content)
    {
        lock (_gate)
        {
            var item = _files[fileId];
            _files[fileId] = item with { Content = content, Size = item.Exports is null ? content.LongLength : null, Modified = Next(), Exports = item.Exports?.ToDictionary(e => e.Key, _ => content) };
            _changes.Add((_sequence, fileId, false));
        }
    }

    /// <summary>Moved to the trash: the changes feed reports it with <c>trashed: true</c>.</summary>
    public void Trash(string fileId)
    {
        lock (_gate)
        {
            _files[fileId] = _files[fileId] with { Trashed = true, Modified = Next() };
            _changes.Add((_sequence, fileId, false));
        }
    }

    /// <summary>Deleted for good: the changes feed reports it removed.</summary>
    public void Delete(string fileId)
    {
        lock (_gate)
        {
            _files.TryRemove(fileId, out _);
            _changes.Add((Next(), fileId, true));
        }
    }

    /// <summary>The next <paramref name="count"/> requests are refused as Drive refuses over quota (403 userRateLimitExceeded).</summary>
    public void RateLimitNext(int count) => Interlocked.Exchange(ref _rateLimited, count);

    /// <summary>The bytes a generated file holds: byte i is (i * 31 + seed) mod 251.</summary>
    public static byte GeneratedByte(long index, int seed) => (byte)((index * 31 + seed) % 251);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string Add(string name, string mimeType, string parentId, long? size, Func<DriveItem, byte[]>? content, int? seed,
        IReadOnlyDictionary<string, byte[]>? exports = null)
    {
        lock (_gate)
        {
            var id = $"1drv{Interlocked.Increment(ref _ids)}x";
            var item = new DriveItem(id, name, mimeType, parentId, size, Next(), null, seed, exports);
            _files[id] = item with { Content = content?.Invoke(item) };
            _changes.Add((_sequence, id, false));
            return id;
        }
    }

    private long Next() => ++_sequence;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        _requests.Enqueue(new FakeDriveRequest(request.Method, request.Path.Value ?? "", query));
        if (request.Path.StartsWithSegments("/o/oauth2/v2/auth") || request.Path.StartsWithSegments("/token"))
        {
            await OAuthAsync(context, query);
            return;
        }

        if (request.Headers.Authorization.ToString() != $"Bearer {AccessToken}")
        {
            await ErrorAsync(context, 401, "authError", "Request had invalid authentication credentials.");
            return;
        }

        if (Interlocked.Decrement(ref _rateLimited) >= 0)
        {
            await ErrorAsync(context, 403, "userRateLimitExceeded", "User Rate Limit Exceeded.");
            return;
        }

        Interlocked.Exchange(ref _rateLimited, Math.Max(0, Volatile.Read(ref _rateLimited)));
        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        switch (segments)
        {
            case ["drive", "v3", "files"]:
                await ListAsync(context, query);
                return;
            case ["drive", "v3", "files", var id] when query.GetValueOrDefault("alt") == "media":
                await MediaAsync(context, id);
                return;
            case ["drive", "v3", "files", var id]:
                await (_files.TryGetValue(id, out var file) ? JsonAsync(context, Metadata(file)) : NotFoundAsync(context, id));
                return;
            case ["drive", "v3", "files", var id, "export"]:
                await ExportAsync(context, id, query.GetValueOrDefault("mimeType"));
                return;
            case ["drive", "v3", "changes", "startPageToken"]:
                await JsonAsync(context, new JsonObject { ["kind"] = "drive#startPageToken", ["startPageToken"] = (_sequence + 1).ToString(CultureInfo.InvariantCulture) });
                return;
            case ["drive", "v3", "changes"]:
                await ChangesAsync(context, query);
                return;
            case ["drive", "v3", "about"]:
                await JsonAsync(context, new JsonObject
                {
                    ["user"] = new JsonObject { ["kind"] = "drive#user", ["displayName"] = "Brand Team", ["emailAddress"] = AccountEmail, ["me"] = true },
                });
                return;
            default:
                await ErrorAsync(context, 404, "notFound", "Not Found");
                return;
        }
    }

    /// <summary>
    /// Google's authorisation endpoint (consents at once: 302 back to redirect_uri with a code and the state, PKCE S256
    /// required) and token endpoint (authorization_code with the verifier, refresh_token), form-encoded as Google takes them.
    /// </summary>
    private async Task OAuthAsync(HttpContext context, Dictionary<string, string> query)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("code_challenge_method") != "S256" ||
                query.GetValueOrDefault("redirect_uri") is not { Length: > 0 } redirect || query.GetValueOrDefault("code_challenge") is not { Length: 43 } challenge)
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("invalid_request");
                return;
            }

            var code = $"4/{Guid.NewGuid():N}";
            _codes[code] = (challenge, redirect);
            context.Response.Redirect($"{redirect}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query.GetValueOrDefault("state") ?? "")}&scope={Uri.EscapeDataString(query.GetValueOrDefault("scope") ?? "")}");
            return;
        }

        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            context.Response.StatusCode = 401;
            await JsonAsync(context, new JsonObject { ["error"] = "invalid_client" });
            return;
        }

        var grant = form["grant_type"].ToString();
        var ok = grant == "refresh_token" ? form["refresh_token"] == "1//fake-refresh" : grant == "authorization_code" &&
            _codes.TryRemove(form["code"].ToString(), out var issued) && issued.Redirect == form["redirect_uri"] &&
            Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(form["code_verifier"].ToString())))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_') == issued.Challenge;
        if (!ok)
        {
            context.Response.StatusCode = 400;
            await JsonAsync(context, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Bad Request" });
            return;
        }

        if (grant == "authorization_code")
        {
            Interlocked.Increment(ref _verifiedExchanges);
        }

        var body = new JsonObject { ["access_token"] = AccessToken, ["expires_in"] = 3599, ["scope"] = "https://www.googleapis.com/auth/drive.readonly", ["token_type"] = "Bearer" };
        if (grant == "authorization_code")
        {
            body["refresh_token"] = "1//fake-refresh";
        }

        await JsonAsync(context, body);
    }

    private async Task ListAsync(HttpContext context, Dictionary<string, string> query)
    {
        var q = query.GetValueOrDefault("q") ?? "";
        var parent = q.StartsWith('\'') ? q[1..q.IndexOf('\'', 1)] : null;
        var size = Math.Min(MaxPageSize, int.TryParse(query.GetValueOrDefault("pageSize"), out var asked) ? asked : 100);
        var offset = int.TryParse(query.GetValueOrDefault("pageToken"), out var token) ? token : 0;
        var all = _files.Values.Where(f => (parent is null || f.Parent == parent) && !(f.Trashed && q.Contains("trashed = false", StringComparison.Ordinal))).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var page = all.Skip(offset).Take(size).ToList();
        var body = new JsonObject
        {
            ["kind"] = "drive#fileList",
            ["incompleteSearch"] = false,
            ["files"] = new JsonArray(page.Select(f => (JsonNode)Metadata(f)).ToArray()),
        };
        if (offset + size < all.Count)
        {
            body["nextPageToken"] = (offset + size).ToString(CultureInfo.InvariantCulture);
        }

        await JsonAsync(context, body);
    }

    private async Task MediaAsync(HttpContext context, string id)
    {
        if (!_files.TryGetValue(id, out var file))
        {
            await NotFoundAsync(context, id);
            return;
        }

        if (file.Exports is not null || file.MimeType.StartsWith("application/vnd.google-apps.", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 403, "fileNotDownloadable", "Only files with binary content can be downloaded. Use Export with Docs Editors files.");
            return;
        }

        context.Response.ContentType = file.MimeType;
        context.Response.ContentLength = file.Size;
        if (file.Content is { } bytes)
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            Interlocked.Add(ref _bytesServed, bytes.LongLength);
            return;
        }

        // Generated in 64 KiB pieces as the client reads: nothing here holds the whole file either.
        var buffer = new byte[64 * 1024];
        for (long sent = 0; sent < file.Size;)
        {
            var count = (int)Math.Min(buffer.Length, file.Size!.Value - sent);
            for (var i = 0; i < count; i++)
            {
                var at = sent + i;
                buffer[i] = file.Prefix is { } prefix && at < prefix.Length ? prefix[at] : GeneratedByte(at, file.Seed!.Value);
            }

            await context.Response.Body.WriteAsync(buffer.AsMemory(0, count), context.RequestAborted);
            Interlocked.Add(ref _bytesServed, count);
            sent += count;
        }
    }

    private async Task ExportAsync(HttpContext context, string id, string? mimeType)
    {
        if (!_files.TryGetValue(id, out var file))
        {
            await NotFoundAsync(context, id);
            return;
        }

        if (file.Exports is null || mimeType is null || !file.Exports.TryGetValue(mimeType, out var bytes))
        {
            await ErrorAsync(context, 400, "badRequest", $"The requested conversion is not supported: {mimeType}.");
            return;
        }

        context.Response.ContentType = mimeType;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        Interlocked.Add(ref _bytesServed, bytes.LongLength);
    }

    private async Task ChangesAsync(HttpContext context, Dictionary<string, string> query)
    {
        if (!long.TryParse(query.GetValueOrDefault("pageToken"), NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            await ErrorAsync(context, 400, "invalid", "Invalid Value", "pageToken");
            return;
        }

        List<(long Sequence, string FileId, bool Removed)> pending;
        lock (_gate)
        {
            pending = _changes.Where(c => c.Sequence >= from).OrderBy(c => c.Sequence).ToList();
        }

        var size = Math.Min(MaxPageSize, int.TryParse(query.GetValueOrDefault("pageSize"), out var asked) ? asked : 100);
        var page = pending.Take(size).ToList();
        var body = new JsonObject
        {
            ["kind"] = "drive#changeList",
            ["changes"] = new JsonArray(page.Select(c => (JsonNode)Change(c.FileId, c.Removed, c.Sequence)).ToArray()),
        };
        if (pending.Count > size)
        {
            body["nextPageToken"] = pending[size].Sequence.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            body["newStartPageToken"] = (_sequence + 1).ToString(CultureInfo.InvariantCulture);
        }

        await JsonAsync(context, body);
    }

    private JsonObject Change(string fileId, bool removed, long sequence)
    {
        var change = new JsonObject
        {
            ["kind"] = "drive#change",
            ["changeType"] = "file",
            ["fileId"] = fileId,
            ["removed"] = removed,
            ["time"] = Start.AddSeconds(sequence).ToString("O", CultureInfo.InvariantCulture),
        };
        if (!removed && _files.TryGetValue(fileId, out var file))
        {
            change["file"] = Metadata(file);
        }

        return change;
    }

    private static JsonObject Metadata(DriveItem file)
    {
        var node = new JsonObject
        {
            ["kind"] = "drive#file",
            ["id"] = file.Id,
            ["name"] = file.Name,
            ["mimeType"] = file.MimeType,
            ["parents"] = new JsonArray(file.Parent),
            ["trashed"] = file.Trashed,
            ["modifiedTime"] = Start.AddSeconds(file.Modified).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (file.Size is { } size)
        {
            // Drive writes int64 values as strings.
            node["size"] = size.ToString(CultureInfo.InvariantCulture);
            node["md5Checksum"] = $"{file.Id}-{file.Modified}";
        }

        return node;
    }

    private static Task JsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task NotFoundAsync(HttpContext context, string id) => ErrorAsync(context, 404, "notFound", $"File not found: {id}.", "fileId");

    private static Task ErrorAsync(HttpContext context, int status, string reason, string message, string? location = null)
    {
        context.Response.StatusCode = status;
        var error = new JsonObject { ["domain"] = status == 403 ? "usageLimits" : "global", ["reason"] = reason, ["message"] = message };
        if (location is not null)
        {
            error["locationType"] = "parameter";
            error["location"] = location;
        }

        return JsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["errors"] = new JsonArray(error), ["code"] = status, ["message"] = message } });
    }

    private sealed record DriveItem(
        string Id, string Name, string MimeType, string Parent, long? Size, long Modified, byte[]? Content, int? Seed,
        IReadOnlyDictionary<string, byte[]>? Exports, bool Trashed = false, byte[]? Prefix = null);
}
