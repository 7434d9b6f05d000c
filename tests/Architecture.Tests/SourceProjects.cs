using System.Xml.Linq;

namespace BrandAutomator.Architecture.Tests;

/// <summary>Reads what each src/*/*.csproj declares, so a reference is caught before anything compiles against it.</summary>
public static class SourceProjects
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Every project folder under src/, by name (the folder, the csproj and the layer share it).</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot, "src"))
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<Reference> DeclaredReferences(Layer layer)
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot, "src", layer.ToString(), $"{layer}.csproj"));
        return project.Descendants()
            .Select(element => (element.Name.LocalName, Include: element.Attribute("Include")?.Value))
            .Where(item => item.Include is not null)
            .Select(item => item.LocalName switch
            {
                "PackageReference" => Reference.Package(item.Include!),
                "ProjectReference" => Reference.Project(Path.GetFileNameWithoutExtension(item.Include!.Replace('\\', '/'))),
                "FrameworkReference" => Reference.Framework(item.Include!),
                _ => null,
            })
            .OfType<Reference>()
            .ToList();
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BrandAutomator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds BrandAutomator.sln.");
    }
}
