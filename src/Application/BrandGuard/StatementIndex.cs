using System.Buffers;
using System.Text.RegularExpressions;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// A statement of a document that states a figure or an award: a table row, a list item or a sentence, with its content
/// words (its heading's after its own) and its figures.
/// </summary>
public sealed record GuardStatement(EvidencePassage Passage, string Text, IReadOnlyList<string> Terms, IReadOnlyList<Claim> Figures);

/// <summary>
/// Every statement with a figure in the tenant's ready documents, current and archived, indexed by content word, so that
/// a claim is judged against all of them: a price list row is found however many other documents mention the same
/// words, and the work of a check grows with the statements about the claim, not with the documents. Built once per
/// version of the documents (see <see cref="IGuardEvidence.StatementsAsync"/>).
/// </summary>
public sealed partial class StatementIndex
{
    private static readonly List<int> None = [];
    private readonly Dictionary<string, List<int>> _byTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<(ClaimKind, decimal), List<int>> _byFigure = [];

    public StatementIndex(IEnumerable<EvidencePassage> passages)
    {
        var statements = new List<GuardStatement>();
        foreach (var statement in passages.SelectMany(Split))
        {
            foreach (var term in statement.Terms)
            {
                if (!_byTerm.TryGetValue(term, out var list))
                {
                    _byTerm[term] = list = [];
                }

                list.Add(statements.Count);
            }

            foreach (var figure in statement.Figures.Select(f => (f.Kind, f.Value)).Distinct())
            {
                if (!_byFigure.TryGetValue(figure, out var list))
                {
                    _byFigure[figure] = list = [];
                }

                list.Add(statements.Count);
            }

            statements.Add(statement);
        }

        Statements = statements;
    }

    public static StatementIndex Empty { get; } = new([]);

    /// <summary>In the order of the passages given, each passage's in reading order.</summary>
    public IReadOnlyList<GuardStatement> Statements { get; }

    /// <summary>The statements that state <paramref name="kind"/> <paramref name="value"/>, in index order.</summary>
    public IEnumerable<GuardStatement> Stating(ClaimKind kind, decimal value) =>
        (_byFigure.GetValueOrDefault((kind, value)) ?? None).Select(i => Statements[i]);

    /// <summary>
    /// The statements that hold at least <paramref name="minimum"/> (at least one) of <paramref name="terms"/>, with how
    /// many they hold, in index order.
    /// </summary>
    public IReadOnlyList<(GuardStatement Statement, int Overlap)> About(IReadOnlyCollection<string> terms, int minimum)
    {
        minimum = Math.Max(1, minimum);
        var lists = terms.Distinct().Select(t => _byTerm.GetValueOrDefault(t)).OfType<List<int>>().ToList();
        if (lists.Count < minimum)
        {
            return [];
        }

        // Counted in a pooled array over all statements: a common word is held by most of them, and a check asks for
        // every claim of the post.
        var overlap = ArrayPool<int>.Shared.Rent(Statements.Count);
        try
        {
            Array.Clear(overlap, 0, Statements.Count);
            var touched = new List<int>();
            foreach (var list in lists)
            {
                foreach (var index in list)
                {
                    if (++overlap[index] == minimum)
                    {
                        touched.Add(index);
                    }
                }
            }

            touched.Sort();
            return touched.Select(i => (Statements[i], overlap[i])).ToList();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(overlap);
        }
    }

    /// <summary>A passage's statements: its lines, long ones cut into sentences; table rows keep their cells together.</summary>
    private static IEnumerable<GuardStatement> Split(EvidencePassage passage)
    {
        var heading = passage.Heading?.Split('›').Last() ?? "";
        foreach (var line in passage.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.StartsWith('|') ? [line] : StatementBreak().Split(line).Where(p => p.Trim().Length > 0);
            foreach (var part in parts)
            {
                var figures = Claims.In(part);
                if (figures.Count == 0)
                {
                    continue;
                }

                // The heading says what a table or list is about ("Repairs", "Members"): its words count after the line's own.
                var terms = Claims.Words(part).Concat(Claims.Words(heading)).Distinct().ToList();
                yield return new GuardStatement(passage, part.Trim('|', ' ').Replace(" | ", " · ", StringComparison.Ordinal), terms, figures);
            }
        }
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex StatementBreak();
}
