using System.Collections.Concurrent;
using BrandAutomator.Domain.BrandGuard;
using Microsoft.Extensions.AI;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// Offline tone: the post's sentence embedding against the brand's tone rules and against a few common voices a brand
/// usually does not want (pushy sales copy, stiff corporate language, careless slang). A post closer to one of those than
/// to the brand's own tone is a finding; the score is reported either way. Voices close to the brand's own tone are not
/// held against it (a formal brand is not faulted for sounding formal).
/// </summary>
public sealed class ToneJudge(IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    private const int MaxInput = 1000;
    private const int MaxCached = 256;

    // Sentence similarities of short texts are noisy: another voice must be clearly closer than the brand's own.
    private const double Margin = 0.15;

    private static readonly (string Name, string Text)[] OtherVoices =
    [
        ("pushy sales copy", "BUY NOW!!! Limited time only, the best deal ever, unbeatable amazing offer, hurry before it's gone, don't miss out!"),
        ("stiff corporate language", "We are pleased to announce that our organisation continues to leverage synergies and deliver best-in-class value to stakeholders."),
        ("careless slang", "lol ur bike is totally wrecked m8, whatever, just bring it in or dont, we dont really care tbh"),
    ];

    private static readonly ConcurrentDictionary<string, float[]> Cache = new(StringComparer.Ordinal);

    /// <summary>The tone score of a text against the brand's tone rules, and a finding when another voice is closer; null without tone rules.</summary>
    public async Task<(ToneScoreDto Score, FindingDto? Finding)?> JudgeAsync(string text, IReadOnlyList<BrandRule> rules, CancellationToken cancellationToken)
    {
        var tones = rules.Where(r => r.Enabled && r.Kind == BrandRuleKind.Tone).ToList();
        var input = RuleChecks.SkippedSpanPattern().Replace(text, " ").Trim();
        if (tones.Count == 0 || input.Length < 20)
        {
            return null;
        }

        var post = (await embedder.GenerateAsync([input.Length > MaxInput ? input[..MaxInput] : input], cancellationToken: cancellationToken))[0].Vector.ToArray();
        var best = (Rule: tones[0], Score: double.MinValue);
        foreach (var tone in tones)
        {
            var score = Cosine(post, await VectorAsync(tone.Term, cancellationToken));
            if (score > best.Score)
            {
                best = (tone, score);
            }
        }

        var own = await VectorAsync(best.Rule.Term, cancellationToken);
        (string Name, double Score)? closer = null;
        foreach (var (name, voice) in OtherVoices)
        {
            var vector = await VectorAsync(voice, cancellationToken);
            var score = Cosine(post, vector);
            if (Cosine(own, vector) < 0.4 && score > best.Score + Margin && (closer is null || score > closer.Value.Score))
            {
                closer = (name, score);
            }
        }

        if (closer is null && Shouts(input) is { } shouting)
        {
            closer = (shouting, best.Score);
        }

        var citation = BrandRuleDto.Citation(best.Rule);
        var verdict = closer is not null ? $"Closer to {closer.Value.Name}" : best.Score >= 0.3 ? "On brand" : "Neutral";
        var result = new ToneScoreDto(Math.Round(best.Score, 3), verdict, citation);
        var finding = closer is null
            ? null
            : new FindingDto(FindingKind.Tone, FindingSeverity.Low,
                $"This reads more like {closer.Value.Name} than the brand's voice: {Describe(best.Rule)}", 0, 0, "", citation, null, best.Rule.Id, false);
        return (result, finding);
    }

    /// <summary>Pushy copy shows in its typography too: several exclamation marks, or words in capitals.</summary>
    private static string? Shouts(string text)
    {
        var exclamations = text.Count(c => c == '!');
        var capitals = text.Split([' ', '\n', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .Count(w => w.Length >= 4 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)) && w.Count(char.IsLetter) >= 4);
        return exclamations >= 3 || capitals >= 2 ? "pushy sales copy" : null;
    }

    private static string Describe(BrandRule rule)
    {
        var first = (rule.SourceSnippet ?? rule.Term).Trim();
        return first.EndsWith('.') ? first : first + ".";
    }

    private async Task<float[]> VectorAsync(string text, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var vector = (await embedder.GenerateAsync([text.Length > MaxInput ? text[..MaxInput] : text], cancellationToken: cancellationToken))[0].Vector.ToArray();
        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        Cache[text] = vector;
        return vector;
    }

    private static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            return 0;
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
