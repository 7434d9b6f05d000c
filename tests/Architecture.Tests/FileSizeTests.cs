using System.Text.RegularExpressions;

namespace BrandAutomator.Architecture.Tests;

/// <summary>
/// A file a newcomer can read in one sitting: no source file in src/ over 300 lines and no SPA component over 250, except
/// generated migrations and the one-concern parsers docs/architecture.md names in its "Size limits" table (the test
/// reads that table, so the document and the rule cannot drift apart).
/// </summary>
public partial class FileSizeTests
{
    private const int MaxSourceLines = 300;
    private const int MaxComponentLines = 250;

    [Fact]
    public void No_source_file_is_over_300_lines_except_the_named_parsers()
    {
        var named = NamedParsers();
        var src = Path.Combine(SourceProjects.RepositoryRoot, "src");
        var tooLong = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(src, path).Replace('\\', '/'))
            .Where(path => !IsGeneratedOrBuilt(path) && !named.Contains(path))
            .Select(path => (path, lines: File.ReadAllLines(Path.Combine(src, path)).Length))
            .Where(file => file.lines > MaxSourceLines)
            .Select(file => $"src/{file.path}: {file.lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Over {MaxSourceLines} lines (split by concern, or name a one-concern parser in docs/architecture.md):" +
            Environment.NewLine + string.Join(Environment.NewLine, tooLong));
    }

    [Fact]
    public void Every_named_parser_exists()
    {
        var src = Path.Combine(SourceProjects.RepositoryRoot, "src");
        var named = NamedParsers();
        Assert.NotEmpty(named);
        Assert.All(named, path => Assert.True(File.Exists(Path.Combine(src, path)), $"docs/architecture.md names src/{path}, which is gone."));
    }

    [Fact]
    public void No_spa_component_is_over_250_lines()
    {
        var client = Path.Combine(SourceProjects.RepositoryRoot, "client", "src");
        var tooLong = Directory.EnumerateFiles(client, "*.tsx", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".test.tsx", StringComparison.Ordinal))
            .Select(path => (path: Path.GetRelativePath(SourceProjects.RepositoryRoot, path).Replace('\\', '/'), lines: File.ReadAllLines(path).Length))
            .Where(file => file.lines > MaxComponentLines)
            .Select(file => $"{file.path}: {file.lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Over {MaxComponentLines} lines (move a part into its own component):" +
            Environment.NewLine + string.Join(Environment.NewLine, tooLong));
    }

    private static bool IsGeneratedOrBuilt(string path) =>
        path.Contains("/Migrations/", StringComparison.Ordinal) ||
        path.Contains("/obj/", StringComparison.Ordinal) ||
        path.Contains("/bin/", StringComparison.Ordinal);

    /// <summary>The paths (relative to src/) in the first column of docs/architecture.md's "Size limits" table.</summary>
    private static HashSet<string> NamedParsers()
    {
        var document = File.ReadAllText(Path.Combine(SourceProjects.RepositoryRoot, "docs", "architecture.md"));
        var start = document.IndexOf("## Size limits", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/architecture.md has no \"## Size limits\" section.");
        var end = document.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? document[start..] : document[start..end];
        return TableRowPath().Matches(section).Select(match => match.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\|\s*`(?<path>[^`]+\.cs)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRowPath();
}
