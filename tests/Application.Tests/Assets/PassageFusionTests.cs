using BrandAutomator.Application.Assets;

namespace BrandAutomator.Application.Tests.Assets;

public class PassageFusionTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void A_passage_first_by_words_and_by_meaning_has_relevance_one_and_comes_first()
    {
        var cosines = new Dictionary<Guid, double> { [A] = 0.7, [B] = 0.5, [C] = 0.4 };

        var fused = PassageFusion.Fuse([new LexicalMatch(A, 9, 1), new LexicalMatch(C, 2, 0.6)], [new SemanticMatch(A, 0.7), new SemanticMatch(B, 0.5)],
            id => cosines[id], 5);

        Assert.Equal(A, fused[0].ChunkId);
        Assert.Equal([A, B, C], fused.Select(f => f.ChunkId).Order());
        Assert.Equal(1.0, fused[0].Relevance);
        Assert.All(fused.Skip(1), f => Assert.InRange(f.Relevance, 0.01, 0.99));
    }

    [Fact]
    public void Below_the_floor_nothing_is_found()
    {
        var cosines = new Dictionary<Guid, double> { [A] = 0.2, [B] = 0.1 };

        // A shares one common word of the question (a third of its weight) and only vaguely resembles it; B resembles it faintly.
        var fused = PassageFusion.Fuse([new LexicalMatch(A, 1, 0.3)], [new SemanticMatch(A, 0.2), new SemanticMatch(B, 0.1)], id => cosines[id], 5);

        Assert.Empty(fused);
    }

    [Fact]
    public void Browsing_shows_the_weaker_matches_after_the_good_ones_and_still_nothing_unrelated()
    {
        var cosines = new Dictionary<Guid, double> { [A] = 0.6, [B] = 0.28, [C] = 0.12 };
        IReadOnlyList<LexicalMatch> lexical = [new LexicalMatch(A, 5, 0.9)];
        IReadOnlyList<SemanticMatch> semantic = [new SemanticMatch(A, 0.6), new SemanticMatch(B, 0.28), new SemanticMatch(C, 0.12)];

        var answering = PassageFusion.Fuse(lexical, semantic, id => cosines[id], 5);
        var browsing = PassageFusion.Fuse(lexical, semantic, id => cosines[id], 5, browsing: true);

        // B resembles the question somewhat: not enough to cite, enough to list below A. C is unrelated either way.
        Assert.Equal([A], answering.Select(f => f.ChunkId));
        Assert.Equal([A, B], browsing.Select(f => f.ChunkId));
        Assert.True(browsing[1].Relevance < browsing[0].Relevance);
    }

    [Theory]
    [InlineData(0.40, 0.0, true)] // close in meaning, no shared word (a paraphrase)
    [InlineData(0.20, 0.6, true)] // the question's important words, not unrelated in meaning
    [InlineData(0.05, 0.6, false)] // the words, but about something else
    [InlineData(double.NaN, 0.6, true)] // the words, no embedding yet
    [InlineData(0.05, 0.9, true)] // nearly every word: a code or a name the model does not know
    [InlineData(0.30, 0.3, false)] // a common word and a vague likeness
    public void The_floor_takes_meaning_or_important_words(double cosine, double coverage, bool passes) =>
        Assert.Equal(passes, PassageFusion.Passes(cosine, coverage));

    [Fact]
    public void At_most_the_limit_is_returned()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var fused = PassageFusion.Fuse([], ids.Select((id, i) => new SemanticMatch(id, 0.9 - i * 0.01)).ToList(), _ => 0.8, 5);

        Assert.Equal(ids.Take(5), fused.Select(f => f.ChunkId));
    }
}
