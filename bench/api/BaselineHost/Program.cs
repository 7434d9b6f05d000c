using System.Reflection;
using System.Runtime.ExceptionServices;

namespace BrandAutomator.BaselineHost;

/// <summary>
/// Runs the API's own entry point (src/WebApi/Program.cs) with the same arguments, after naming this assembly as a
/// hosting startup: <see cref="RawBaselineStartup"/> then adds the baseline's endpoint, and nothing else changes. The
/// application keeps the API's name, so its settings, user secrets and data-protection keys are the API's.
/// </summary>
internal static class BaselineEntry
{
    public static int Main(string[] args)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES", typeof(RawBaselineStartup).Assembly.GetName().Name);
        var api = typeof(WebApi.WebApiSetup).Assembly;
        var entry = api.EntryPoint ?? throw new InvalidOperationException("The API assembly has no entry point.");
        string[] arguments = [$"--applicationName={api.GetName().Name}", .. args];
        try
        {
            return (int)entry.Invoke(null, [arguments])!;
        }
        catch (TargetInvocationException failure) when (failure.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(failure.InnerException);
            throw;
        }
    }
}
