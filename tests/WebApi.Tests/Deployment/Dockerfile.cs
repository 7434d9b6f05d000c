using System.Text.RegularExpressions;

namespace BrandAutomator.WebApi.Tests.Deployment;

/// <summary>One instruction of a Dockerfile, continuation lines joined.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments);

/// <summary>One FROM ... AS name stage and its instructions.</summary>
public sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<string> Arguments(string keyword) =>
        Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
}

/// <summary>The repository's Dockerfile and .dockerignore, read the way Docker reads them (for what these tests need).</summary>
public static partial class Dockerfile
{
    public static IReadOnlyList<DockerStage> Stages()
    {
        var stages = new List<(string Image, string? Name, List<DockerInstruction> Instructions)>();
        foreach (var instruction in Instructions(RepositoryFiles.Read("Dockerfile")))
        {
            if (instruction.Keyword == "FROM")
            {
                var from = FromLine().Match(instruction.Arguments);
                Assert.True(from.Success, $"Unreadable FROM {instruction.Arguments}");
                stages.Add((from.Groups["image"].Value, from.Groups["name"].Success ? from.Groups["name"].Value : null, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add(instruction);
            }
        }

        return stages.Select(s => new DockerStage(s.Image, s.Name, s.Instructions)).ToList();
    }

    /// <summary>
    /// The commands of a RUN instruction with its own flags (--mount=..., --network=...) removed: what the shell in the
    /// image runs.
    /// </summary>
    public static string RunCommand(string runArguments) => RunFlags().Replace(runArguments, "").Trim();

    /// <summary>True when .dockerignore keeps <paramref name="relativePath"/> (with '/' separators) out of the build context.</summary>
    public static bool IsIgnored(string relativePath, IReadOnlyList<Regex> patterns)
    {
        // Docker drops a path when it, or any folder above it, matches a pattern.
        var segments = relativePath.Split('/');
        for (var length = 1; length <= segments.Length; length++)
        {
            var candidate = string.Join('/', segments.Take(length));
            if (patterns.Any(p => p.IsMatch(candidate)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>.dockerignore as anchored regular expressions: ** any folders, * and ? within one path segment.</summary>
    public static IReadOnlyList<Regex> IgnorePatterns()
    {
        var lines = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith('!'));
        return lines.Select(line =>
        {
            var glob = line.Trim('/');
            var regex = Regex.Escape(glob)
                .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
                .Replace(@"\*\*", ".*", StringComparison.Ordinal)
                .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
                .Replace(@"\?", "[^/]", StringComparison.Ordinal);
            return new Regex($"^{regex}$", RegexOptions.CultureInvariant);
        }).ToList();
    }

    /// <summary>
    /// A copy of the build context that `docker build .` would send: the repository's working tree without what
    /// .dockerignore excludes. Returns the copy's folder.
    /// </summary>
    public static string CopyBuildContext(string destination)
    {
        var patterns = IgnorePatterns();
        var root = RepositoryFiles.Root;
        Copy(new DirectoryInfo(root));
        return destination;

        void Copy(DirectoryInfo folder)
        {
            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (IsIgnored(relative, patterns) || entry.LinkTarget is not null)
                {
                    continue;
                }

                var target = Path.Combine(destination, relative);
                if (entry is DirectoryInfo directory)
                {
                    Directory.CreateDirectory(target);
                    Copy(directory);
                }
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(entry.FullName, target);
                }
            }
        }
    }

    private static IEnumerable<DockerInstruction> Instructions(string text)
    {
        var logical = new List<string>();
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (current.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }

            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            logical.Add(current + line);
            current = "";
        }

        foreach (var line in logical)
        {
            var trimmed = line.Trim();
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            yield return space < 0
                ? new DockerInstruction(trimmed.ToUpperInvariant(), "")
                : new DockerInstruction(trimmed[..space].ToUpperInvariant(), Regex.Replace(trimmed[(space + 1)..].Trim(), @"\s+", " "));
        }
    }

    [GeneratedRegex(@"^(?:--platform=\S+\s+)?(?<image>\S+)(?:\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"--(?:mount|network|security)=\S+\s*")]
    private static partial Regex RunFlags();
}
