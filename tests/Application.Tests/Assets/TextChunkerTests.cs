using System.Text;
using BrandAutomator.Application.Assets;

namespace BrandAutomator.Application.Tests.Assets;

public class TextChunkerTests
{
    private static readonly string[] Words =
    [
        "brand", "voice", "anvil", "coyote", "rocket", "désert", "München", "価値", "🚀", "mission", "a", "of", "the",
        "supercalifragilistic", "1949", "e.g.", "Dr.", "quality",
    ];

    [Fact]
    public void Short_text_is_one_passage()
    {
        var chunks = TextChunker.Split("We sell anvils. They are sturdy.");

        var chunk = Assert.Single(chunks);
        Assert.Equal(0, chunk.Ordinal);
        Assert.Equal("We sell anvils. They are sturdy.", chunk.Text);
        Assert.Null(chunk.Page);
    }

    [Fact]
    public void Empty_or_blank_text_has_no_passages()
    {
        Assert.Empty(TextChunker.Split(""));
        Assert.Empty(TextChunker.Split(" \n\n\t\f\n"));
    }

    [Fact]
    public void Paragraphs_are_packed_towards_the_target_length()
    {
        var paragraphs = Enumerable.Range(0, 40).Select(i => Sentence(new Random(i), 150)).ToList();

        var chunks = TextChunker.Split(string.Join("\n\n", paragraphs));

        Assert.All(chunks.SkipLast(1), c => Assert.InRange(c.Text.Length, 400, TextChunker.MaxLength));
        Assert.All(chunks, c => Assert.True(c.Text.Length <= TextChunker.TargetLength + 200, $"{c.Text.Length} characters"));
    }

    [Fact]
    public void A_long_paragraph_is_split_at_sentence_boundaries()
    {
        var sentences = Enumerable.Range(0, 30).Select(i => $"Sentence number {i} tells of anvils and rockets in the desert.").ToList();

        var chunks = TextChunker.Split(string.Join(" ", sentences));

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.EndsWith(".", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.StartsWith("Sentence number", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_passage_repeats_the_last_sentence_of_the_one_before()
    {
        var sentences = Enumerable.Range(0, 40).Select(i => $"Fact {i} is about the brand.").ToList();
        var text = string.Join("\n\n", sentences);

        var chunks = TextChunker.Split(text);

        Assert.True(chunks.Count > 1);
        for (var i = 1; i < chunks.Count; i++)
        {
            var previousLast = chunks[i - 1].Text.Split("\n\n")[^1];
            Assert.StartsWith(previousLast, chunks[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Form_feeds_mark_pages_and_passages_never_cross_them()
    {
        var text = "Page one text.\fPage two text.\f\fPage four text.\f";

        var chunks = TextChunker.Split(text);

        Assert.Equal([1, 2, 4], chunks.Select(c => c.Page));
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Text_without_spaces_is_cut_within_the_maximum_and_keeps_surrogate_pairs_whole()
    {
        var text = string.Concat(Enumerable.Repeat("🚀価", 2000));

        var chunks = TextChunker.Split(text);

        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, TextChunker.MaxLength));
        Assert.All(chunks, c => Assert.False(char.IsLowSurrogate(c.Text[0]) || char.IsHighSurrogate(c.Text[^1])));
        Assert.Equal(text, string.Concat(chunks.Select(c => c.Text)));
    }

    [Fact]
    public void Limits_hold_and_no_word_is_lost_over_random_inputs()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var text = RandomDocument(random);

            var chunks = TextChunker.Split(text);

            Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
            Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, TextChunker.MaxLength));
            Assert.All(chunks, c => Assert.False(string.IsNullOrWhiteSpace(c.Text)));
            var pages = chunks.Select(c => c.Page ?? 0).ToList();
            Assert.Equal(pages.Order(), pages);
            var passages = string.Join(" ", chunks.Select(c => c.Text));
            foreach (var word in text.Split([' ', '\n', '\r', '\f', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length < 200))
            {
                Assert.Contains(word, passages, StringComparison.Ordinal);
            }
        }
    }

    private static string RandomDocument(Random random)
    {
        var text = new StringBuilder();
        var paragraphs = random.Next(0, 30);
        for (var p = 0; p < paragraphs; p++)
        {
            var kind = random.Next(10);
            text.Append(kind switch
            {
                0 => new string('x', random.Next(1, 3000)),
                1 => Sentence(random, random.Next(1500, 4000)),
                _ => Sentence(random, random.Next(1, 700)),
            });
            text.Append(random.Next(6) switch
            {
                0 => "\f",
                1 => "\n",
                2 => "\r\n\r\n",
                _ => "\n\n",
            });
        }

        return text.ToString();
    }

    private static string Sentence(Random random, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(Words[random.Next(Words.Length)]);
            text.Append(random.Next(8) == 0 ? ". " : " ");
        }

        return text.ToString().Trim();
    }
}
