using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// The sentence embeddings of recent questions, least recently used dropped beyond a bound: the same question asked
/// again (a chat answer and its citations, search-files as the user pages or retypes, the generators' fixed topics) is
/// embedded once. Whole text is the key, so a cached vector is always the model's vector of exactly that text.
/// </summary>
public sealed class QuestionEmbeddings(IEmbeddingGenerator<string, Embedding<float>> embedder) : IDisposable
{
    // 4,096 vectors of 384 floats: about 6 MB.
    private const int MaxQuestions = 4096;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxQuestions, CompactionPercentage = 0.25 });

    public async Task<ReadOnlyMemory<float>> EmbedAsync(string question, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(question, out ReadOnlyMemory<float> cached))
        {
            return cached;
        }

        var vector = (await embedder.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        _cache.Set(question, vector, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return vector;
    }

    public void Dispose() => _cache.Dispose();
}
