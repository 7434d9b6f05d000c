using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace BrandAutomator.Infrastructure.Tests.Files;

/// <summary>
/// Enough of the Cloud Storage JSON API for one bucket, kept in memory behind WireMock: resumable and multipart uploads,
/// media downloads, object metadata and deletes, with Google's status codes and error bodies. Every request is logged
/// by WireMock, so tests can also check what went over the wire.
/// </summary>
public sealed partial class FakeGcsServer : IDisposable
{
    private readonly ConcurrentDictionary<string, StoredObject> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResumableSession> _sessions = new(StringComparer.Ordinal);

    public FakeGcsServer(string bucket)
    {
        Bucket = bucket;
        Server = WireMockServer.Start(new WireMockServerSettings { PreWireMockMiddlewareInit = RestoreRangeHeader });
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    /// <summary>
    /// WireMock drops a response header named Range (an old .NET "restricted header" list), but a resumable upload's
    /// 308 must say which bytes arrived. The callback names it <see cref="RangeStandIn"/>; this renames it on the way out.
    /// </summary>
    private const string RangeStandIn = "X-Fake-Gcs-Range";

    public string Bucket { get; }

    public WireMockServer Server { get; }

    /// <summary>What to give <c>Storage:GcsBaseUri</c>: the JSON API root, as Google's own ends in <c>/storage/v1/</c>.</summary>
    public string BaseUri => $"{Server.Url}/storage/v1/";

    public IReadOnlyDictionary<string, StoredObject> Objects => _objects;

    public void Put(string name, byte[] bytes, string contentType = "application/octet-stream") =>
        _objects[name] = new StoredObject(bytes, contentType, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public void Dispose() => Server.Stop();

    private static void RestoreRangeHeader(object app) => ((IApplicationBuilder)app).Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.Headers.Remove(RangeStandIn, out var range))
            {
                context.Response.Headers["Range"] = range;
            }

            return Task.CompletedTask;
        });
        await next(context);
    });

    private ResponseMessage Handle(IRequestMessage request)
    {
        var path = request.AbsolutePath;
        var bucketPrefix = $"/b/{Bucket}/o";
        var uploadType = Query(request, "uploadType");
        if (path == $"/upload/storage/v1{bucketPrefix}" && request.Method == "POST" && uploadType == "resumable")
        {
            return StartResumable(request);
        }

        if (path == $"/upload/storage/v1{bucketPrefix}" && request.Method == "PUT" && uploadType == "resumable")
        {
            return ContinueResumable(request);
        }

        if (path == $"/upload/storage/v1{bucketPrefix}" && request.Method == "POST" && uploadType == "multipart")
        {
            return Error(HttpStatusCode.NotImplemented, "The fake speaks resumable uploads only.");
        }

        // Objects: /storage/v1/b/{bucket}/o/{name}, and media downloads also under /download/storage/v1/.
        var match = ObjectPath().Match(path);
        if (!match.Success || match.Groups["bucket"].Value != Bucket)
        {
            return Error(HttpStatusCode.NotFound, $"No such route in the fake: {request.Method} {path}");
        }

        var name = Uri.UnescapeDataString(match.Groups["name"].Value);
        var found = _objects.TryGetValue(name, out var stored);
        switch (request.Method)
        {
            case "GET" when !found:
            case "DELETE" when !found:
                return Error(HttpStatusCode.NotFound, $"No such object: {Bucket}/{name}");
            case "GET" when Query(request, "alt") == "media":
                return new ResponseMessage
                {
                    StatusCode = 200,
                    Headers = Headers(("Content-Type", stored!.ContentType), ("x-goog-hash", $"md5={Md5(stored.Bytes)}")),
                    BodyData = new BodyData { BodyAsBytes = stored.Bytes, DetectedBodyType = BodyType.Bytes },
                };
            case "GET":
                return Json(HttpStatusCode.OK, Metadata(name, stored!));
            case "DELETE":
                _objects.TryRemove(name, out _);
                return new ResponseMessage { StatusCode = 204 };
            default:
                return Error(HttpStatusCode.MethodNotAllowed, $"{request.Method} is not supported on objects by the fake.");
        }
    }

    private ResponseMessage StartResumable(IRequestMessage request)
    {
        // The name comes in the query or in the JSON metadata body; the client library sends the body.
        var name = Query(request, "name");
        var contentType = "application/octet-stream";
        if (request.BodyAsBytes is { Length: > 0 } body)
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("name", out var n))
            {
                name = n.GetString();
            }

            if (json.RootElement.TryGetProperty("contentType", out var t))
            {
                contentType = t.GetString() ?? contentType;
            }
        }

        if (request.Headers?.TryGetValue("X-Upload-Content-Type", out var declared) == true && declared.Count > 0)
        {
            contentType = declared[0];
        }

        if (string.IsNullOrEmpty(name))
        {
            return Error(HttpStatusCode.BadRequest, "Required: object name.");
        }

        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = new ResumableSession(name, contentType);
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = Headers(("Location", $"{Server.Url}/upload/storage/v1/b/{Bucket}/o?uploadType=resumable&upload_id={id}")),
        };
    }

    private ResponseMessage ContinueResumable(IRequestMessage request)
    {
        if (Query(request, "upload_id") is not { } id || !_sessions.TryGetValue(id, out var session))
        {
            return Error(HttpStatusCode.NotFound, "No such upload session.");
        }

        var chunk = request.BodyAsBytes ?? [];
        // "bytes 0-99/*" (more to come), "bytes 100-199/200" (last), "bytes */200" (status or empty last chunk).
        var range = Header(request, "Content-Range") ?? $"bytes */{chunk.Length}";
        var parsed = ContentRange().Match(range);
        if (!parsed.Success)
        {
            return Error(HttpStatusCode.BadRequest, $"Bad Content-Range: {range}");
        }

        lock (session)
        {
            if (parsed.Groups["first"].Success)
            {
                var first = long.Parse(parsed.Groups["first"].Value, CultureInfo.InvariantCulture);
                if (first != session.Received.Length)
                {
                    return Error(HttpStatusCode.BadRequest, $"Chunk starts at {first}, expected {session.Received.Length}.");
                }

                session.Received.Write(chunk);
            }

            session.Chunks++;
            var total = parsed.Groups["total"].Value;
            if (total == "*" || long.Parse(total, CultureInfo.InvariantCulture) > session.Received.Length)
            {
                var resume = new ResponseMessage { StatusCode = 308 };
                if (session.Received.Length > 0)
                {
                    resume.Headers = Headers((RangeStandIn, $"bytes=0-{session.Received.Length - 1}"));
                }

                return resume;
            }

            var bytes = session.Received.ToArray();
            // As Google does: refuse the object when the client's CRC32C does not match what arrived.
            if (Header(request, "x-goog-hash") is { } hash && hash.StartsWith("crc32c=", StringComparison.Ordinal)
                && hash["crc32c=".Length..] != Crc32C.Base64(bytes))
            {
                _sessions.TryRemove(id, out _);
                return Error(HttpStatusCode.BadRequest, "Provided CRC32C \"" + hash + "\" doesn't match calculated CRC32C.");
            }

            var stored = new StoredObject(bytes, session.ContentType, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) { Chunks = session.Chunks };
            _objects[session.Name] = stored;
            _sessions.TryRemove(id, out _);
            return Json(HttpStatusCode.OK, Metadata(session.Name, stored));
        }
    }

    private object Metadata(string name, StoredObject stored) => new Dictionary<string, object>
    {
        ["kind"] = "storage#object",
        ["id"] = $"{Bucket}/{name}/{stored.Generation}",
        ["name"] = name,
        ["bucket"] = Bucket,
        ["generation"] = stored.Generation.ToString(CultureInfo.InvariantCulture),
        ["metageneration"] = "1",
        ["contentType"] = stored.ContentType,
        // The JSON API writes 64-bit numbers as strings.
        ["size"] = stored.Bytes.Length.ToString(CultureInfo.InvariantCulture),
        ["md5Hash"] = Md5(stored.Bytes),
        ["crc32c"] = Crc32C.Base64(stored.Bytes),
    };

#pragma warning disable CA5351 // Not security: Cloud Storage reports an MD5 of every object, so the fake does too.
    private static string Md5(byte[] bytes) => Convert.ToBase64String(MD5.HashData(bytes));
#pragma warning restore CA5351

    private static string? Query(IRequestMessage request, string name) =>
        request.Query?.TryGetValue(name, out var values) == true && values.Count > 0 ? values[0] : null;

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static Dictionary<string, WireMockList<string>> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => new WireMockList<string>(h.Value));

    private static ResponseMessage Json(HttpStatusCode status, object body) => new()
    {
        StatusCode = (int)status,
        Headers = Headers(("Content-Type", "application/json; charset=UTF-8")),
        BodyData = new BodyData { BodyAsBytes = JsonSerializer.SerializeToUtf8Bytes(body), DetectedBodyType = BodyType.Bytes },
    };

    private static ResponseMessage Error(HttpStatusCode status, string message) => Json(status, new
    {
        error = new { code = (int)status, message, errors = new[] { new { message, domain = "global", reason = status.ToString() } } },
    });

    [GeneratedRegex("^(?:/download)?/storage/v1/b/(?<bucket>[^/]+)/o/(?<name>.+)$")]
    private static partial Regex ObjectPath();

    [GeneratedRegex(@"^bytes (?:(?<first>\d+)-(?<last>\d+)|\*)/(?<total>\d+|\*)$")]
    private static partial Regex ContentRange();

    public sealed record StoredObject(byte[] Bytes, string ContentType, long Generation)
    {
        /// <summary>How many PUT requests the upload took.</summary>
        public int Chunks { get; init; } = 1;
    }

    private sealed class ResumableSession(string name, string contentType)
    {
        public string Name { get; } = name;

        public string ContentType { get; } = contentType;

        public MemoryStream Received { get; } = new();

        public int Chunks { get; set; }
    }

    /// <summary>CRC-32C (Castagnoli), as Google's x-goog-hash and crc32c fields carry it: big-endian, base64.</summary>
    private static class Crc32C
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(i =>
        {
            var crc = (uint)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }

            return crc;
        }).ToArray();

        public static string Base64(byte[] bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            crc ^= 0xFFFFFFFFu;
            return Convert.ToBase64String([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
        }
    }
}
