using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BrandAutomator.WebApi.Tests.Deployment;

/// <summary>docker-compose.yml as Compose reads it: services, their environment, and variable interpolation.</summary>
public sealed partial class ComposeFile(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public JsonObject Services => Root["services"]!.AsObject();

    public static ComposeFile Load() => new(RepositoryFiles.ParseYaml(RepositoryFiles.Read("docker-compose.yml")).AsObject());

    public JsonObject Service(string name) =>
        Services[name]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"docker-compose.yml has no service '{name}'.");

    /// <summary>A service's environment, as written (before interpolation); Compose takes a mapping or a list of K=V.</summary>
    public IReadOnlyDictionary<string, string> RawEnvironment(string service)
    {
        var environment = Service(service)["environment"];
        return environment switch
        {
            null => new Dictionary<string, string>(),
            JsonObject mapping => mapping.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal),
            JsonArray list => list.Select(i => i!.GetValue<string>().Split('=', 2))
                .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal),
            _ => throw new Xunit.Sdk.XunitException($"Service '{service}' has an environment of an unknown shape."),
        };
    }

    /// <summary>A service's environment after interpolation with <paramref name="variables"/>, as the container gets it.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service, IReadOnlyDictionary<string, string> variables) =>
        RawEnvironment(service).ToDictionary(p => p.Key, p => Interpolate(p.Value, variables), StringComparer.Ordinal);

    /// <summary>
    /// Compose's interpolation: <c>$$</c> is a literal <c>$</c>; <c>${V}</c>, <c>${V:-default}</c>, <c>${V-default}</c>;
    /// <c>${V:?message}</c> and <c>${V?message}</c> make Compose refuse to start while V is unset (or, with the colon, empty).
    /// </summary>
    public static string Interpolate(string text, IReadOnlyDictionary<string, string> variables) =>
        Reference().Replace(text, match =>
        {
            if (match.Value == "$$")
            {
                return "$";
            }

            var name = match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["bare"].Value;
            var set = variables.TryGetValue(name, out var value);
            var empty = !set || string.IsNullOrEmpty(value);
            var op = match.Groups["op"].Value;
            var argument = match.Groups["arg"].Value;
            return op switch
            {
                ":-" => empty ? argument : value!,
                "-" => set ? value! : argument,
                ":?" when empty => throw new ComposeRefusesException(name, argument),
                "?" when !set => throw new ComposeRefusesException(name, argument),
                _ => value ?? "",
            };
        });

    /// <summary>The names of the variables that Compose requires (<c>${V:?...}</c>) anywhere in <paramref name="text"/>.</summary>
    public static IReadOnlySet<string> RequiredVariables(string text) =>
        Reference().Matches(text).Where(m => m.Groups["op"].Value is ":?" or "?").Select(m => m.Groups["name"].Value).ToHashSet();

    /// <summary>
    /// Runs the kong service's own entrypoint render step (the shell script in docker-compose.yml) on the repository's
    /// kong.yml, with the container's paths mapped to this machine's, and returns the kong.yml that Kong would load.
    /// </summary>
    public async Task<string> RenderKongConfigAsync(string publicKeyPem, string publicBaseUrl)
    {
        var kong = Service("kong");
        var entrypoint = kong["entrypoint"]!.AsArray().Select(a => Interpolate(a!.GetValue<string>(), new Dictionary<string, string>())).ToList();
        var environment = RawEnvironment("kong");
        var templateInContainer = environment["GATEWAY_CONFIG_TEMPLATE"];
        var mounts = kong["volumes"]!.AsArray().Select(v => v!.GetValue<string>().Split(':')).ToList();
        var mount = mounts.SingleOrDefault(m => m.Length >= 2 && m[1] == templateInContainer)
            ?? throw new Xunit.Sdk.XunitException($"No volume of the kong service mounts {templateInContainer}.");
        Assert.Equal("./kong.yml", mount[0]);

        var output = Path.Combine(Path.GetTempPath(), $"kong-rendered-{Guid.NewGuid():N}.yml");
        var start = new ProcessStartInfo(entrypoint[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in entrypoint.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // Kong's own start command is replaced by `true`: only the render step runs.
        start.ArgumentList.Add("true");
        start.Environment["JWT_PUBLIC_KEY_PEM"] = publicKeyPem;
        start.Environment["PUBLIC_BASE_URL"] = publicBaseUrl;
        start.Environment["GATEWAY_CONFIG_TEMPLATE"] = RepositoryFiles.PathOf("kong.yml");
        start.Environment["KONG_DECLARATIVE_CONFIG"] = output;
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(process.ExitCode == 0, $"The kong render step failed ({process.ExitCode}): {await stderr}");
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?])(?<arg>[^}]*))?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Reference();
}

/// <summary>Compose would not start: a required variable is missing.</summary>
public sealed class ComposeRefusesException(string variable, string message)
    : Exception($"Compose refuses to start: {variable} is not set ({message}).")
{
    public string Variable { get; } = variable;
}
