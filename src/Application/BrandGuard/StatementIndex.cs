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
    private static readonly List<Posting> None = [];
    private readonly Dictionary<string, List<Posting>> _byTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<(ClaimKind, decimal), List<int>> _byFigure = [];

    // Per statement, in index order: whether its document is current, and the kinds of figure it gives (one bit each).
    private readonly bool[] _current;
    private readonly int[] _kinds;

    public StatementIndex(IEnumerable<EvidencePassage> passages)
    {
        var statements = new List<GuardStatement>();
        foreach (var statement in passages.SelectMany(Split))
        {
            for (var position = 0; position < statement.Terms.Count; position++)
            {
                if (!_byTerm.TryGetValue(statement.Terms[position], out var list))
                {
                    _byTerm[statement.Terms[position]] = list = [];
                }

                list.Add(new Posting(statements.Count, position));
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
        _current = statements.Select(s => s.Passage.Current).ToArray();
        _kinds = statements.Select(s => s.Figures.Aggregate(0, (kinds, f) => kinds | Bit(f.Kind))).ToArray();
    }

    public static StatementIndex Empty { get; } = new([]);

    /// <summary>In the order of the passages given, each passage's in reading order.</summary>
    public IReadOnlyList<GuardStatement> Statements { get; }

    /// <summary>The statements that state <paramref name="kind"/> <paramref name="value"/>, in index order.</summary>
    public IEnumerable<GuardStatement> Stating(ClaimKind kind, decimal value) =>
        (_byFigure.GetValueOrDefault((kind, value)) ?? []).Select(i => Statements[i]);

    /// <summary>
    /// The statements that hold at least <paramref name="minimum"/> (at least one) of <paramref name="terms"/>, with how
    /// many they hold, in index order.
    /// </summary>
    public IReadOnlyList<(GuardStatement Statement, int Overlap)> About(IReadOnlyCollection<string> terms, int minimum)
    {
        var found = new List<(GuardStatement, int)>();
        Count(terms, minimum, (touched, overlap, _) =>
        {
            touched.Sort();
            found.AddRange(touched.Select(i => (Statements[i], overlap[i])));
        });
        return found;
    }

    /// <summary>
    /// The current statement most about <paramref name="terms"/> (holding at least <paramref name="minimum"/> of them) that
    /// gives a figure of <paramref name="kind"/> but not <paramref name="value"/>: the one holding the most of the terms,
    /// then the one where they come earliest (what a statement is about comes first), then the shortest, then the first in
    /// index order; with how many of the terms it holds. Null when there is none.
    /// </summary>
    /// <remarks>
    /// One pass over the statements holding the terms, comparing counts kept while the terms' lists were read: a common
    /// word ("bike", "repair") is held by most statements of a large corpus, and a check asks this for every figure of the post.
    /// </remarks>
    public (GuardStatement Statement, int Overlap)? Rival(IReadOnlyCollection<string> terms, int minimum, ClaimKind kind, decimal value)
    {
        (GuardStatement, int)? rival = null;
        var bit = Bit(kind);
        Count(terms, minimum, (touched, overlap, first) =>
        {
            var best = -1;
            foreach (var i in touched)
            {
                if (!_current[i] || (_kinds[i] & bit) == 0)
                {
                    continue;
                }

                var better = best < 0
                    || overlap[i] > overlap[best]
                    || (overlap[i] == overlap[best] && (first[i] < first[best]
                        || (first[i] == first[best] && (Statements[i].Text.Length < Statements[best].Text.Length
                            || (Statements[i].Text.Length == Statements[best].Text.Length && i < best)))));
                if (better && !Statements[i].Figures.Any(f => f.Kind == kind && f.Value == value))
                {
                    best = i;
                }
            }

            rival = best < 0 ? null : (Statements[best], overlap[best]);
        });
        return rival;
    }

    /// <summary>
    /// Counts, in pooled arrays over all statements, how many of the terms each statement holds and the earliest position
    /// of one in it, and hands <paramref name="use"/> the statements holding at least <paramref name="minimum"/>.
    /// </summary>
    private void Count(IReadOnlyCollection<string> terms, int minimum, Action<List<int>, int[], int[]> use)
    {
        minimum = Math.Max(1, minimum);
        var lists = terms.Distinct().Select(t => _byTerm.GetValueOrDefault(t)).OfType<List<Posting>>().ToList();
        if (lists.Count < minimum)
        {
            return;
        }

        var overlap = ArrayPool<int>.Shared.Rent(Statements.Count);
        var first = ArrayPool<int>.Shared.Rent(Statements.Count);
        try
        {
            Array.Clear(overlap, 0, Statements.Count);
            var touched = new List<int>();
            foreach (var list in lists)
            {
                foreach (var (index, position) in list)
                {
                    first[index] = overlap[index] == 0 ? position : Math.Min(first[index], position);
                    if (++overlap[index] == minimum)
                    {
                        touched.Add(index);
                    }
                }
            }

            use(touched, overlap, first);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(overlap);
            ArrayPool<int>.Shared.Return(first);
        }
    }

    private static int Bit(ClaimKind kind) => 1 << (int)kind;

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

    /// <summary>A statement holding a term, and the term's place among the statement's words.</summary>
    private readonly record struct Posting(int Statement, int Position);
}
