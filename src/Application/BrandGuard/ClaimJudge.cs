using System.Globalization;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.BrandGuard;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// Judges a post's claims against every statement of the brand's documents (a table row, a list item or a sentence):
/// supported when a current statement about the same thing (sharing its content words) gives the same figure;
/// contradicted when the current statement most about the same thing gives another figure of the same kind (the fix
/// puts the current figure in); unsupported otherwise, saying when the figure comes from an archived document.
/// </summary>
public static class ClaimJudge
{
    private const int NearestTerms = 4;

    public static IEnumerable<FindingDto> Judge(IReadOnlyList<Claim> claims, StatementIndex statements)
    {
        foreach (var claim in claims)
        {
            var finding = claim.Kind == ClaimKind.Award ? JudgeAward(claim, statements) : JudgeFigure(claim, statements);
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    private static FindingDto? JudgeFigure(Claim claim, StatementIndex statements)
    {
        // What the figure is about: its nearest content words (a brand name further off says nothing about a price).
        var about = claim.Terms.Take(NearestTerms).ToHashSet();
        var needed = about.Count == 0 ? 0 : 1;
        var stating = statements.Stating(claim.Kind, claim.Value).ToList();
        var support = stating.Where(s => s.Passage.Current).Select(s => Overlap(s, about)).DefaultIfEmpty(-1).Max();

        // Another figure counts against the claim only from a statement about the same thing: most of those words.
        var minimum = Math.Max(Math.Min(2, about.Count), (int)Math.Ceiling(about.Count * 0.5));
        var rival = minimum == 0 ? null : statements.Rival(about, minimum, claim.Kind, claim.Value);
        // "Full service £95" is not supported by "one full Saturday ... £95" when "Full service ... £119" is more about it.
        if (support >= needed && (rival is null || rival.Value.Overlap <= support))
        {
            return null;
        }

        var archived = stating.FirstOrDefault(s => !s.Passage.Current && Overlap(s, about) >= Math.Max(needed, minimum));
        var from = archived is null ? "" : $", a figure from \u201C{archived.Passage.AssetName}\u201D, which is archived";
        if (rival?.Statement is { } rivalStatement)
        {
            var figure = rivalStatement.Figures.Where(f => f.Kind == claim.Kind).OrderBy(f => Math.Abs(f.Value - claim.Value)).First();
            var replacement = Restate(claim, figure);
            return new FindingDto(FindingKind.ContradictedClaim, FindingSeverity.High,
                $"\u201C{claim.Text}\u201D{from}: \u201C{rivalStatement.Passage.AssetName}\u201D gives {figure.Text}.",
                claim.Start, claim.Length, claim.Text, Cite(rivalStatement), new FindingFixDto(claim.Start, claim.Length, replacement, $"Use {replacement}"),
                null, false);
        }

        return new FindingDto(FindingKind.UnsupportedClaim, FindingSeverity.Medium,
            archived is null
                ? $"No current document supports \u201C{claim.Text}\u201D."
                : $"\u201C{claim.Text}\u201D appears only in \u201C{archived.Passage.AssetName}\u201D, which is archived.",
            claim.Start, claim.Length, claim.Text, archived is null ? null : Cite(archived), null, null, false);
    }

    private static FindingDto? JudgeAward(Claim claim, StatementIndex statements)
    {
        var about = claim.Terms.Append(Claims.Stem(claim.Text.ToLowerInvariant().Split([' ', '-'])[0])).ToHashSet();
        var supported = statements.About(about, Math.Min(2, about.Count)).Any(c => c.Statement.Passage.Current
            && c.Statement.Text.Contains(claim.Text.Split([' ', '-'])[0][..Math.Min(5, claim.Text.Length)], StringComparison.OrdinalIgnoreCase));
        return supported
            ? null
            : new FindingDto(FindingKind.UnsupportedClaim, FindingSeverity.Medium,
                $"No current document mentions this {(claim.Text.Contains("award", StringComparison.OrdinalIgnoreCase) ? "award" : "certification")}.",
                claim.Start, claim.Length, claim.Text, null, null, null, false);
    }

    /// <summary>The current figure written as the post wrote its own: "£49" for "£39", "15%" for "10%".</summary>
    private static string Restate(Claim claim, Claim figure)
    {
        if (claim.Kind is ClaimKind.Money)
        {
            var currency = claim.Text.TrimStart()[0];
            var spaced = claim.Text.Length > 1 && claim.Text[1] == ' ' ? " " : "";
            return currency + spaced + figure.Text.TrimStart('£', '$', '€', ' ');
        }

        return claim.Kind == ClaimKind.Percent && claim.Text.Contains("cent", StringComparison.OrdinalIgnoreCase)
            ? figure.Value.ToString(CultureInfo.InvariantCulture) + " per cent"
            : figure.Text;
    }

    private static int Overlap(GuardStatement s, HashSet<string> about) => s.Terms.Count(about.Contains);

    private static ChatCitation Cite(GuardStatement s) =>
        new(1, s.Passage.AssetId, s.Passage.AssetName, s.Passage.ChunkId, s.Passage.Page, s.Text.Length > 240 ? s.Text[..239] + "…" : s.Text);
}
