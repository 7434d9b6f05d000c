using Mediator;

namespace BrandAutomator.Architecture.Tests;

/// <summary>One use case, one file: a reader finds a behaviour by its name (docs/STYLE: "One use case, one file").</summary>
public class UseCaseFileTests
{
    /// <summary>Files allowed to hold several use cases while a branch rewrites their folder. None today: keep it so.</summary>
    private static readonly string[] NotYetSplit = [];

    [Fact]
    public void No_application_file_holds_two_commands_or_queries()
    {
        var crowded = UseCaseSources.RequestsByFile()
            .Where(file => file.Value.Count > 1 && !NotYetSplit.Contains(file.Key))
            .Select(file => $"{file.Key}: {string.Join(", ", file.Value)}")
            .ToList();

        Assert.True(crowded.Count == 0, "One use case per file; split:" + Environment.NewLine + string.Join(Environment.NewLine, crowded));
    }

    [Fact]
    public void Every_exempted_file_still_exists_and_still_needs_the_exemption()
    {
        // An exemption outlives its reason only by mistake: once the file is split, its line goes.
        var requests = UseCaseSources.RequestsByFile();
        Assert.All(NotYetSplit, path => Assert.True(requests.TryGetValue(path, out var found) && found.Count > 1,
            $"{path} no longer holds several use cases: remove it from {nameof(NotYetSplit)}."));
    }

    [Fact]
    public void Source_reading_finds_every_compiled_request()
    {
        // Guards the rule above: a declaration the source reading misses would escape it silently.
        var compiled = CompiledLayers.Load(Layer.Application).GetTypes()
            .Where(t => t is { IsInterface: false, IsAbstract: false } && !typeof(INotification).IsAssignableFrom(t) &&
                        (typeof(IMessage).IsAssignableFrom(t) || typeof(IStreamMessage).IsAssignableFrom(t)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var read = UseCaseSources.RequestsByFile().SelectMany(file => file.Value).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(compiled);
        Assert.Equal(compiled, read);
    }

    [Theory]
    [InlineData("public sealed record A(Guid Id) : ICommand<Dto>, IRequireRole;\npublic sealed record B : IQuery<int>;", 2)]
    [InlineData("public sealed record A(\n    Guid Id,\n    int Page = 1) : IRequest;\npublic sealed record struct B : IStreamQuery<int>;", 2)]
    [InlineData("public sealed class AHandler(ITenantDb db) : ICommandHandler<A, Dto>;\npublic sealed record A : ICommand;", 1)]
    [InlineData("// public sealed record A : ICommand;\n/* record B : IQuery<int> */ public sealed record Dto(int X);", 0)]
    public void Source_reading_counts_requests_not_handlers_or_comments(string source, int expected)
    {
        Assert.Equal(expected, UseCaseSources.RequestsIn(source).Count);
    }
}
