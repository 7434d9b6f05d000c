using BrandAutomator.Infrastructure.Assets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Ai.Embeddings;

public static class EmbeddingSetup
{
    /// <summary>
    /// The sentence embeddings of grounding: the local MiniLM model, one instance for the process (the model loads once,
    /// on first use), whatever chat provider is configured, so passages and questions are always embedded alike;
    /// recent questions' embeddings and each tenant's passage vectors are kept in memory.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services)
    {
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, MiniLmEmbeddingGenerator>();
        services.AddSingleton<QuestionEmbeddings>();
        services.AddSingleton<PassageVectorCache>();
        services.AddSingleton<StemCountCache>();
        return services;
    }
}
