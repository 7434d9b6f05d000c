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
    public void Headings_are_kept_as_a_path_with_each_passage_and_sections_are_not_mixed()
    {
        var text = "# Brand guide\n\nIntro to the guide.\n\n## Colours\n\nPrimary: Fjord Blue #1A4E8A.\n\n## Typography\n\n### Body\n\nInter, 16 px.\n\n## Voice\n\nCalm and plain.";

        var chunks = TextChunker.Split(text);

        Assert.Equal(
            [("Brand guide", "Intro to the guide."), ("Brand guide › Colours", "Primary: Fjord Blue #1A4E8A."), ("Brand guide › Typography › Body", "Inter, 16 px."),
                ("Brand guide › Voice", "Calm and plain.")],
            chunks.Select(c => (c.Heading, c.Text)));
    }

    [Fact]
    public void Plain_text_headings_are_recognised_from_short_title_lines_standing_alone()
    {
        var text = "Paddle North Price List\n\nPrices include VAT.\n\nTouring Kayaks\n\nThe Fjord 430 costs 1,290 euros. The Fjord 510 costs 1,590 euros.\n\nWe ship within Europe.";

        var chunks = TextChunker.Split(text);

        Assert.Equal("Paddle North Price List", chunks[0].Heading);
        Assert.Equal("Prices include VAT.", chunks[0].Text);
        var kayaks = Assert.Single(chunks, c => c.Text.Contains("Fjord 430", StringComparison.Ordinal));
        Assert.Equal("Paddle North Price List › Touring Kayaks", kayaks.Heading);
        Assert.Contains("We ship within Europe.", kayaks.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_stays_whole_in_one_passage()
    {
        var intro = string.Join(" ", Enumerable.Range(0, 12).Select(i => $"Sentence {i} of a long introduction about the brand."));
        var list = string.Join("\n", Enumerable.Range(1, 8).Select(i => $"- Rule {i}: never write in capitals and never use the word synergy"));

        var chunks = TextChunker.Split(intro + "\n\n" + list + "\n\nClosing words.");

        var withList = Assert.Single(chunks, c => c.Text.Contains("Rule 1:", StringComparison.Ordinal));
        Assert.Contains(list, withList.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_row_with_a_price_comes_back_whole_and_a_long_table_repeats_its_header()
    {
        var header = "| Product | Length | Price |\n| --- | --- | --- |";
        var rows = Enumerable.Range(1, 40).Select(i => $"| Fjord {400 + i} touring kayak | {i + 300} cm | €{1000 + i * 10} |").ToList();

        var chunks = TextChunker.Split("## Prices 2025\n\n" + header + "\n" + string.Join("\n", rows));

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.StartsWith(header, c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.Equal("Prices 2025", c.Heading));
        foreach (var row in rows)
        {
            Assert.Single(chunks, c => c.Text.Split('\n').Contains(row));
        }
    }

    [Fact]
    public void Tab_separated_rows_read_as_a_table()
    {
        var chunks = TextChunker.Split("Product\tPrice\nAnvil\t$99\nRocket\t$1,200");

        Assert.Equal("Product | Price\nAnvil | $99\nRocket | $1,200", Assert.Single(chunks).Text);
    }

    [Fact]
    public void No_sentence_is_cut_and_passages_stay_near_the_target()
    {
        var sentences = Enumerable.Range(0, 200).Select(i => $"Sentence {i} says something about kayaks{(i % 3 == 0 ? ", paddles and the quiet water of the fjords" : "")}.").ToList();
        var text = string.Join("\n\n", Enumerable.Range(0, 20).Select(p => string.Join(" ", sentences.Skip(p * 10).Take(10))));

        var chunks = TextChunker.Split(text);

        var fromChunks = chunks.SelectMany(c => c.Text.Split(["\n\n", ". "], StringSplitOptions.RemoveEmptyEntries)).Select(s => s.TrimEnd('.') + ".").ToList();
        Assert.Equal(sentences, fromChunks);
        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, TextChunker.MaxLength));
        Assert.All(chunks.SkipLast(1), c => Assert.InRange(c.Text.Length, 400, TextChunker.MaxLength));
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
            var passages = string.Join(" ", chunks.Select(c => c.Heading + " " + c.Text));
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
