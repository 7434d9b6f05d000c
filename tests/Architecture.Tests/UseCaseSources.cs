using System.Text.RegularExpressions;

namespace BrandAutomator.Architecture.Tests;

/// <summary>
/// The Mediator requests (commands, queries, requests, their stream forms) each source file under src/Application
/// declares, read from the C# text: a compiled type does not say which file it came from.
/// </summary>
public static partial class UseCaseSources
{
    public static string ApplicationFolder { get; } = Path.Combine(SourceProjects.RepositoryRoot, "src", "Application");

    /// <summary>Every .cs file under src/Application (build outputs left out), by path relative to the repository, '/'-separated.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RequestsByFile() =>
        Directory.EnumerateFiles(ApplicationFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .ToDictionary(RelativePath, path => RequestsIn(File.ReadAllText(path)));

    /// <summary>The names of the types in <paramref name="source"/> whose base list names a Mediator request interface.</summary>
    public static IReadOnlyList<string> RequestsIn(string source) =>
        TypeDeclaration().Matches(WithoutComments(source))
            .Where(match => RequestInterface().IsMatch(match.Groups["bases"].Value))
            .Select(match => match.Groups["name"].Value)
            .ToList();

    public static string RelativePath(string path) =>
        Path.GetRelativePath(SourceProjects.RepositoryRoot, path).Replace('\\', '/');

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(ApplicationFolder, path).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }

    private static string WithoutComments(string source) => Comment().Replace(source, " ");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    // `record X(...) : ICommand<T>, IRequireRole`, `sealed class Y : IQuery<T>`, `record struct Z : IRequest`; the
    // primary constructor may span lines and hold one level of nested parentheses (default values, attributes).
    [GeneratedRegex(@"\b(?:record(?:\s+(?:class|struct))?|class|struct)\s+(?<name>\w+)(?:<[^>{;]*>)?\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*:\s*(?<bases>[^{;]*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bI(?:Stream)?(?:Command|Query|Request)\b")]
    private static partial Regex RequestInterface();
}
