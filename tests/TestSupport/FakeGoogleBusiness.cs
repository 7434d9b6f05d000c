using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace BrandAutomator.TestSupport;

/// <summary>One request the fake received: method, path, query string, body and bearer token.</summary>
public sealed record FakeGoogleRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body, string? AccessToken);

/// <summary>
/// A local Google Business Profile, speaking the wire format of the Business Information API v1
/// (<c>POST /v1/accounts/{a}/locations</c> with <c>validateOnly</c> or <c>requestId</c>, <c>PATCH /v1/locations/{l}?updateMask=...</c>)
/// and the Verifications API v1 (<c>GET /v1/locations/{l}/VoiceOfMerchantState</c>), plus a Graph API Page update
/// (<c>POST /{page-id}</c>, form fields). Like Google, a create whose requestId it has seen returns the location that
/// request made instead of creating another. Errors use google.rpc.Status with BadRequest field violations.
/// </summary>
public sealed class FakeGoogleBusiness : IDisposable
{
    private readonly ConcurrentDictionary<string, JsonObject> _byRequestId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _locations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeGoogleRequest> _requests = new();
    private long _ids = 5000;
    private int _loseCreates;

    public FakeGoogleBusiness()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().UsingAnyMethod().WithPath(new WildcardMatcher("/*"))).AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url!;

    /// <summary>How long a lost answer keeps the client waiting: longer than its timeout.</summary>
    public TimeSpan LostAnswerDelay { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>The Verifications API's answer for every location.</summary>
    public string VoiceOfMerchantState { get; set; } = """{"hasVoiceOfMerchant":false,"hasBusinessAuthority":false,"verify":{"hasPendingVerification":false}}""";

    public IReadOnlyList<FakeGoogleRequest> Requests => _requests.ToArray();

    /// <summary>The locations held, by resource name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Locations => _locations;

    /// <summary>The next <paramref name="count"/> real creates are carried out and stored, but their answers never arrive.</summary>
    public void LoseNextCreateAnswers(int count = 1) => Interlocked.Add(ref _loseCreates, count);

    /// <summary>Settings that point an API host's Business Information, Verifications and Graph API at this fake.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("GoogleBusinessProfile:BusinessInformationUrl", BaseUrl);
        yield return new("GoogleBusinessProfile:VerificationsUrl", BaseUrl);
        yield return new("Publishing:Facebook:BaseUrl", BaseUrl);
    }

    public void Dispose() => Server.Stop();

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var path = request.AbsolutePath;
        var body = request.Body ?? "";
        var query = (request.Query ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(q => q.Key, q => string.Join(",", q.Value), StringComparer.Ordinal);
        _requests.Enqueue(new FakeGoogleRequest(request.Method, path, query, body, Token(request, body)));
        var segments = path.Trim('/').Split('/');

        if (request.Method == "POST" && segments is ["v1", "accounts", _, "locations"])
        {
            return await CreateAsync($"accounts/{segments[2]}", query, body);
        }

        if (request.Method == "GET" && segments is ["v1", "locations", var id, "VoiceOfMerchantState"])
        {
            return _locations.ContainsKey($"locations/{id}") ? Json(200, VoiceOfMerchantState) : NotFound();
        }

        if (request.Method == "PATCH" && segments is ["v1", "locations", var patched])
        {
            if (!query.TryGetValue("updateMask", out var mask) || mask != "profile.description")
            {
                return Error(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", ("update_mask", "Only profile.description is supported by this fake."));
            }

            var location = _locations.GetOrAdd($"locations/{patched}", name => new JsonObject { ["name"] = name });
            location["profile"] = JsonNode.Parse(body)!["profile"]!.DeepClone();
            return Json(200, location.ToJsonString());
        }

        if (request.Method == "POST" && segments.Length == 1)
        {
            // Graph API: POST /{page-id} with form fields updates the Page.
            var form = body.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]), StringComparer.Ordinal);
            if (!form.TryGetValue("access_token", out var token) || token.Length == 0)
            {
                return Json(400, """{"error":{"message":"An active access token must be used to query information about the current user.","type":"OAuthException","code":2500}}""");
            }

            return form.TryGetValue("about", out var about) && about.Length > 255
                ? Json(400, """{"error":{"message":"(#100) Param about must be at most 255 characters long","type":"OAuthException","code":100}}""")
                : Json(200, """{"success":true}""");
        }

        return NotFound();
    }

    private async Task<IResponseMessage> CreateAsync(string account, Dictionary<string, string> query, string body)
    {
        JsonObject location;
        try
        {
            location = JsonNode.Parse(body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return Error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
        }

        var violations = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(location["title"]?.GetValue<string>()))
        {
            violations.Add(("title", "Title is required."));
        }

        if (string.IsNullOrEmpty(location["categories"]?["primaryCategory"]?["name"]?.GetValue<string>()))
        {
            violations.Add(("categories.primary_category", "A primary category is required."));
        }

        if (location["storefrontAddress"] is null && location["serviceArea"] is null)
        {
            violations.Add(("storefront_address", "A storefront address or a service area is required."));
        }

        if (location["profile"]?["description"]?.GetValue<string>() is { } description && description.EnumerateRunes().Count() > 750)
        {
            violations.Add(("profile.description", "Description must be at most 750 characters."));
        }

        if (violations.Count > 0)
        {
            return Error(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", violations.ToArray());
        }

        if (query.TryGetValue("validateOnly", out var validateOnly) && validateOnly == "true")
        {
            return Json(200, location.ToJsonString());
        }

        if (query.TryGetValue("requestId", out var requestId) && requestId.Length > 50)
        {
            return Error(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", ("request_id", "At most 50 characters."));
        }

        JsonObject stored;
        if (!string.IsNullOrEmpty(requestId) && _byRequestId.TryGetValue(requestId, out var earlier))
        {
            // A duplicate request: the location it made, not a new one.
            stored = earlier;
        }
        else
        {
            stored = (JsonObject)location.DeepClone();
            stored["name"] = $"locations/{Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture)}";
            stored["metadata"] = new JsonObject { ["hasVoiceOfMerchant"] = false, ["canDelete"] = true };
            _locations[stored["name"]!.GetValue<string>()] = stored;
            if (!string.IsNullOrEmpty(requestId))
            {
                _byRequestId[requestId] = stored;
            }
        }

        if (Interlocked.Decrement(ref _loseCreates) >= 0)
        {
            // Done and stored, but the answer never reaches the caller in time.
            await Task.Delay(LostAnswerDelay);
        }
        else
        {
            Interlocked.Exchange(ref _loseCreates, 0);
        }

        return Json(200, stored.ToJsonString());
    }

    private static ResponseMessage NotFound() => Error(404, "NOT_FOUND", "Requested entity was not found.");

    private static ResponseMessage Error(int status, string code, string message, params (string Field, string Description)[] violations)
    {
        var error = new JsonObject
        {
            ["code"] = status,
            ["message"] = message,
            ["status"] = code,
        };
        if (violations.Length > 0)
        {
            error["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                ["fieldViolations"] = new JsonArray(violations.Select(v => (JsonNode)new JsonObject { ["field"] = v.Field, ["description"] = v.Description }).ToArray()),
            });
        }

        return Json(status, new JsonObject { ["error"] = error }.ToJsonString());
    }

    private static ResponseMessage Json(int status, string body)
    {
        var response = new ResponseMessage { StatusCode = status };
        response.AddHeader("Content-Type", "application/json; charset=UTF-8");
        response.BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String };
        return response;
    }

    private static string? Token(IRequestMessage request, string body)
    {
        if (request.Headers is { } headers && headers.TryGetValue("Authorization", out var values) && values.FirstOrDefault() is { } auth)
        {
            return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : auth;
        }

        var field = body.Split('&').FirstOrDefault(p => p.StartsWith("access_token=", StringComparison.Ordinal));
        return field is null ? null : WebUtility.UrlDecode(field["access_token=".Length..]);
    }
}
