using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrandAutomator.WebApi.Tests.Deployment;

namespace BrandAutomator.WebApi.Tests.Gateway;

/// <summary>One route of kong.yml with the plugins that apply to it.</summary>
public sealed record KongRoute(string Name, string Service, IReadOnlyList<string> Methods, IReadOnlyList<string> Paths, JsonObject Node);

/// <summary>
/// kong.yml (DB-less declarative configuration) as Kong 3.x reads it: routes, which route a request lands on, and which
/// plugin configuration applies to a route.
/// </summary>
public sealed class KongConfig
{
    private static readonly string[] FieldsOutsideThisModel = ["hosts", "snis", "sources", "destinations", "expression"];

    private KongConfig(JsonObject root)
    {
        Root = root;
        Routes = root["services"]!.AsArray().SelectMany(service => (service!["routes"]?.AsArray() ?? []).Select(route => new KongRoute(
                route!["name"]!.GetValue<string>(),
                service["name"]!.GetValue<string>(),
                Strings(route["methods"]).Select(m => m.ToUpperInvariant()).ToList(),
                Strings(route["paths"]),
                route.AsObject())))
            .ToList();
        foreach (var route in Routes)
        {
            // The precedence below is the one Kong gives routes that match on methods, paths and headers only.
            var unsupported = FieldsOutsideThisModel.Where(f => route.Node[f] is not null).ToList();
            Assert.True(unsupported.Count == 0, $"Route {route.Name} matches on {string.Join(", ", unsupported)}, which this model of Kong's router does not know.");
            Assert.True(route.Node["regex_priority"] is null, $"Route {route.Name} sets regex_priority, which this model of Kong's router does not know.");
        }
    }

    public JsonObject Root { get; }

    public IReadOnlyList<KongRoute> Routes { get; }

    public static KongConfig Load() => Parse(RepositoryFiles.Read("kong.yml"));

    public static KongConfig Parse(string yaml) => new(RepositoryFiles.ParseYaml(yaml).AsObject());

    public KongRoute Route(string name) => Routes.Single(r => r.Name == name);

    /// <summary>
    /// The route Kong 3.x picks for a request, or null when none matches. Kong's router (traditional_compatible, the
    /// default) ranks candidate routes by: how many of methods/hosts/headers/paths they name; then regex paths over
    /// prefix paths; then the longer prefix. Each path of a route is ranked on its own. Regex paths start with "~" and are
    /// anchored at the start; prefix paths match any path that starts with them.
    /// </summary>
    /// <remarks>
    /// A route naming <c>headers</c> matches only a request carrying each of them with one of the listed values (names
    /// case-insensitive; a value starting with <c>~*</c> is a case-insensitive regex, others compare case-insensitively).
    /// </remarks>
    public KongRoute? Match(string method, string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        var candidates = Routes
            .Where(r => r.Methods.Count == 0 || r.Methods.Contains(method, StringComparer.Ordinal))
            .Where(r => HeadersMatch(r, headers))
            .SelectMany(r => r.Paths.Where(p => PathMatches(p, path)).Select(p => (Route: r, Priority: Priority(r, p))))
            .OrderByDescending(c => c.Priority)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var best = candidates[0];
        var tied = candidates.Where(c => c.Priority == best.Priority && c.Route != best.Route).Select(c => c.Route.Name).ToList();
        Assert.True(tied.Count == 0,
            $"{method} {path}: routes {best.Route.Name} and {string.Join(", ", tied)} rank the same, so Kong's choice between them is arbitrary.");
        return best.Route;
    }

    /// <summary>The configuration of plugin <paramref name="name"/> that applies on <paramref name="route"/>: the route's own, else its service's, else the global one.</summary>
    public JsonObject? EffectivePlugin(KongRoute route, string name)
    {
        var service = Root["services"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == route.Service)!;
        return Plugin(route.Node["plugins"], name) ?? Plugin(service["plugins"], name) ?? GlobalPlugin(name);
    }

    public JsonObject? GlobalPlugin(string name) => Plugin(Root["plugins"], name);

    /// <summary>The jwt credentials of every consumer, by their <c>key</c>.</summary>
    public IReadOnlyDictionary<string, JsonObject> JwtCredentials() =>
        (Root["consumers"]?.AsArray() ?? [])
        .SelectMany(consumer => consumer!["jwt_secrets"]?.AsArray() ?? [])
        .Select(secret => secret!.AsObject())
        .ToDictionary(secret => secret["key"]!.GetValue<string>(), StringComparer.Ordinal);

    private static JsonObject? Plugin(JsonNode? plugins, string name)
    {
        var matching = (plugins?.AsArray() ?? []).Where(p => p!["name"]!.GetValue<string>() == name).ToList();
        Assert.True(matching.Count <= 1, $"Plugin {name} is configured more than once at the same level.");
        return matching.Count == 0 ? null : matching[0]!["config"]?.AsObject() ?? [];
    }

    private static bool PathMatches(string routePath, string requestPath) =>
        routePath.StartsWith('~')
            ? Regex.IsMatch(requestPath, "^(?:" + routePath[1..] + ")", RegexOptions.CultureInvariant)
            : requestPath.StartsWith(routePath, StringComparison.Ordinal);

    private static bool HeadersMatch(KongRoute route, IReadOnlyDictionary<string, string>? headers)
    {
        if (route.Node["headers"] is not JsonObject wanted)
        {
            return true;
        }

        return wanted.All(header =>
        {
            var sent = headers?.FirstOrDefault(h => h.Key.Equals(header.Key, StringComparison.OrdinalIgnoreCase)).Value;
            return sent is not null && Strings(header.Value).Any(value => value.StartsWith("~*", StringComparison.Ordinal)
                ? Regex.IsMatch(sent, value[2..], RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)
                : value.Equals(sent, StringComparison.OrdinalIgnoreCase));
        });
    }

    private static (int Weight, int Regex, int Length) Priority(KongRoute route, string path) =>
        ((route.Methods.Count > 0 ? 1 : 0) + (route.Paths.Count > 0 ? 1 : 0) + (route.Node["headers"] is JsonObject ? 1 : 0),
         path.StartsWith('~') ? 1 : 0,
         path.StartsWith('~') ? 0 : path.Length);

    private static List<string> Strings(JsonNode? node) =>
        (node?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToList();
}
