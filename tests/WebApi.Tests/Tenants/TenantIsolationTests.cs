using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;

namespace BrandAutomator.WebApi.Tests.Tenants;

/// <summary>
/// Broken object level authorisation, checked for every endpoint the API documents: tenant B tries each operation
/// with tenant A's object ids, in the path and in the body, and always gets 404, and A's data stays as it was.
/// Endpoints added later are covered without editing this test, because it reads the OpenAPI document.
/// </summary>
public sealed class TenantIsolationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Tenant_b_gets_404_for_every_endpoint_tried_with_tenant_a_ids_and_a_is_unchanged()
    {
        var a = await factory.RegisterAsync(company: "Tenant A");
        var aObjects = await SeedAsync(a);
        var b = await factory.RegisterAsync(company: "Tenant B");
        var before = await SnapshotAsync(a);

        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        var attempts = new List<string>();
        var failures = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                // Only operations of a signed-in member act "as tenant B"; anonymous ones (sign-in, sign-up) have no tenant.
                if (operation!["security"] is not JsonArray { Count: > 0 })
                {
                    continue;
                }

                foreach (var (url, body) in Probes(document, path, method, operation!.AsObject(), aObjects, b.TenantId))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                    if (body is not null)
                    {
                        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                    }

                    var response = await b.Client.SendAsync(request);
                    attempts.Add($"{method.ToUpperInvariant()} {url}");
                    if (response.StatusCode != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {url} {body?.ToJsonString()} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }

        Assert.True(attempts.Count >= 20, $"Only {attempts.Count} attempts were made: " + string.Join("; ", attempts));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await SnapshotAsync(a));
    }

    /// <summary>Objects of every kind tenant A owns, by id.</summary>
    private async Task<List<Guid>> SeedAsync(Account a)
    {
        var company = await a.Client.PostAsJsonAsync("/api/v1/companies", new { name = "A's brand", description = "Private to A" });
        await company.EnsureStatusAsync(HttpStatusCode.Created);
        var member = await TeamHelpers.InviteAndAcceptAsync(factory, a, "editor");
        var invite = await a.Client.PostAsJsonAsync($"/api/v1/tenants/{a.TenantId}/users/invite", new { email = ApiClient.UniqueEmail(), role = "viewer" });
        await invite.EnsureStatusAsync(HttpStatusCode.Created);
        var companyId = (await company.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var chat = await a.ChatAsync(new { companyId, message = "What is our brand about?" });
        var strategy = await a.Client.PostAsJsonAsync("/api/v1/ai/generate-brand-strategy", new { companyId });
        await strategy.EnsureStatusAsync(HttpStatusCode.Created);
        var kits = await a.Client.PostAsJsonAsync("/api/v1/automation/create-social-profiles", new { companyId, platforms = new[] { "x" } });
        await kits.EnsureStatusAsync(HttpStatusCode.OK);
        return
        [
            (await kits.Content.ReadFromJsonAsync<JsonArray>())![0]!["id"]!.GetValue<Guid>(),
            a.TenantId, a.UserId, a.SessionId, member.UserId, member.SessionId, companyId,
            (await invite.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>(),
            chat[0].Data["sessionId"]!.GetValue<Guid>(), chat[^1].Data["messageId"]!.GetValue<Guid>(),
            (await strategy.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>(),
        ];
    }

    /// <summary>
    /// Every way to point the operation at A's objects: each path parameter set to each of A's ids (the others
    /// set to B's own tenant, the most plausible value), and each id field of the body likewise.
    /// </summary>
    private static IEnumerable<(string Url, JsonNode? Body)> Probes(
        JsonObject document, string path, string method, JsonObject operation, List<Guid> aIds, Guid bTenant)
    {
        var parameters = (operation["parameters"]?.AsArray() ?? [])
            .Where(p => p!["in"]!.GetValue<string>() == "path")
            .Select(p => p!["name"]!.GetValue<string>())
            .ToList();
        var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        var idFields = bodySchema is null ? [] : IdFields(document, bodySchema).ToList();

        foreach (var target in parameters)
        {
            foreach (var id in aIds)
            {
                var url = parameters.Aggregate(path, (current, name) => current.Replace($"{{{name}}}", (name == target ? id : bTenant).ToString(), StringComparison.Ordinal));
                yield return (url, bodySchema is null ? null : Sample(document, bodySchema, null, Guid.Empty));
            }
        }

        foreach (var field in idFields)
        {
            foreach (var id in aIds)
            {
                var url = parameters.Aggregate(path, (current, name) => current.Replace($"{{{name}}}", bTenant.ToString(), StringComparison.Ordinal));
                yield return (url, Sample(document, bodySchema!, field, id));
            }
        }
    }

    private static IEnumerable<string> IdFields(JsonObject document, JsonNode schema)
    {
        var resolved = Resolve(document, schema);
        foreach (var (name, property) in resolved["properties"]?.AsObject() ?? [])
        {
            if (Resolve(document, property!)["format"]?.GetValue<string>() == "uuid")
            {
                yield return name;
            }
        }
    }

    /// <summary>A valid body for the schema, with <paramref name="idField"/> set to <paramref name="id"/>.</summary>
    private static JsonNode? Sample(JsonObject document, JsonNode schema, string? idField, Guid id)
    {
        var resolved = Resolve(document, schema);
        if (resolved["enum"] is JsonArray values)
        {
            return values[^1]!.DeepClone();
        }

        switch (resolved["type"]?.GetValue<string>())
        {
            case "object" or null when resolved["properties"] is JsonObject properties:
                var body = new JsonObject();
                foreach (var (name, property) in properties)
                {
                    // A handle has a shape no OpenAPI format names (a domain, @name or an e-mail address): a valid one, so
                    // that the probe reaches the lookup of the other tenant's id rather than the handle's check.
                    body[name] = name == idField ? JsonValue.Create(id)
                        : name == "handle" ? JsonValue.Create("isolation-probe.bsky.social")
                        : Sample(document, property!, null, Guid.NewGuid());
                }

                return body;
            case "array":
                return new JsonArray(Sample(document, resolved["items"]!, null, Guid.NewGuid()));
            case "integer" or "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(false);
            case "string":
                return resolved["format"]?.GetValue<string>() switch
                {
                    "uuid" => JsonValue.Create(Guid.NewGuid()),
                    "date-time" => JsonValue.Create(DateTimeOffset.UtcNow.AddDays(1)),
                    "email" => JsonValue.Create(ApiClient.UniqueEmail("probe")),
                    "uri" => JsonValue.Create("https://probe.example.com"),
                    _ => JsonValue.Create("Isolation probe"),
                };
            default:
                return null;
        }
    }

    private static JsonObject Resolve(JsonObject document, JsonNode schema)
    {
        var node = schema.AsObject();
        while (node["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            node = document["components"]!["schemas"]![name]!.AsObject();
        }

        if (node["allOf"] is JsonArray { Count: 1 } allOf)
        {
            return Resolve(document, allOf[0]!);
        }

        return node;
    }

    /// <summary>Everything of A's that B could change: catalog rows about A and every table of A's schema.</summary>
    private async Task<string> SnapshotAsync(Account a)
    {
        var schema = $"tenant_{a.TenantId:N}";
        var tables = await factory.ColumnAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> '__EFMigrationsHistory' ORDER BY 1", schema);
        var parts = new List<string>
        {
            string.Join('\n', await factory.ColumnAsync("SELECT row_to_json(t)::text FROM public.tenants t WHERE id = $1", a.TenantId)),
            string.Join('\n', await factory.ColumnAsync("SELECT row_to_json(m)::text FROM public.tenant_memberships m WHERE tenant_id = $1 ORDER BY user_id", a.TenantId)),
            string.Join('\n', await factory.ColumnAsync("SELECT row_to_json(i)::text FROM public.invitations i WHERE tenant_id = $1 ORDER BY id", a.TenantId)),
            string.Join('\n', await factory.ColumnAsync("SELECT row_to_json(r)::text FROM public.refresh_tokens r WHERE tenant_id = $1 ORDER BY id", a.TenantId)),
            string.Join('\n', await factory.ColumnAsync(
                "SELECT row_to_json(u)::text FROM public.users u WHERE id IN (SELECT user_id FROM public.tenant_memberships WHERE tenant_id = $1) ORDER BY id", a.TenantId)),
        };
        foreach (var table in tables)
        {
            parts.Add(string.Join('\n', await factory.ColumnAsync($"SELECT row_to_json(t)::text FROM \"{schema}\".\"{table}\" t ORDER BY 1")));
        }

        return string.Join("\n--\n", parts);
    }
}
