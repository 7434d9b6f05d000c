using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Ai;

public enum AiProviderKind
{
    /// <summary>No model: deterministic templates over the company's data. The default, and what runs without a key.</summary>
    Offline,

    /// <summary>Google's Gemini API over its REST interface.</summary>
    Gemini,

    /// <summary>Any chat-completions API: OpenAI, Ollama, vLLM, Gemini's OpenAI endpoint.</summary>
    OpenAiCompatible,
}

/// <summary>Section <c>Ai</c>: which provider writes the strategist's answers, and how hard to try.</summary>
public sealed class AiOptions : IValidatableObject
{
    public const string Section = "Ai";
    public const string DefaultGeminiBaseUrl = "https://generativelanguage.googleapis.com";
    public const string DefaultOpenAiBaseUrl = "https://api.openai.com/v1";

    public AiProviderKind Provider { get; set; } = AiProviderKind.Offline;

    /// <summary>Gemini's API key (sent as <c>x-goog-api-key</c>), or the bearer key of an OpenAI-compatible API (none for a local Ollama).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model, e.g. <c>gemini-2.5-flash</c>, <c>gpt-4o-mini</c>, <c>llama3.1</c>.</summary>
    [MaxLength(120)]
    public string? Model { get; set; }

    /// <summary>The API's address; empty: Google's for Gemini, OpenAI's for OpenAiCompatible.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Retries of a rate-limited (429) or unavailable (5xx) request; other refusals are never retried.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest wait the server accepts before a retry; a provider asking for longer is reported at once.</summary>
    [Range(1, 600)]
    public int MaxRetryDelaySeconds { get; set; } = 60;

    [Range(5, 900)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// How long the brand check waits for the model's review ("Check with AI", the approvals page) before it shows the
    /// offline findings with a note: a person is waiting for it.
    /// </summary>
    [Range(2, 120)]
    public int BrandCheckTimeoutSeconds { get; set; } = 20;

    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.4;

    [Range(256, 65536)]
    public int MaxOutputTokens { get; set; } = 4096;

    public Uri EffectiveBaseUrl => new((string.IsNullOrWhiteSpace(BaseUrl)
        ? Provider == AiProviderKind.Gemini ? DefaultGeminiBaseUrl : DefaultOpenAiBaseUrl
        : BaseUrl.Trim()).TrimEnd('/') + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) &&
            !(Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult("Ai:BaseUrl must be an absolute http(s) address.", [nameof(BaseUrl)]);
        }

        if (Provider == AiProviderKind.Offline)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"Ai:Model is required with Ai:Provider={Provider}.", [nameof(Model)]);
        }

        if (Provider == AiProviderKind.Gemini && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("Ai:ApiKey is required with Ai:Provider=Gemini; leave Ai:Provider unset to run offline.", [nameof(ApiKey)]);
        }

        if (Provider == AiProviderKind.OpenAiCompatible && string.IsNullOrWhiteSpace(BaseUrl) && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult(
                "Ai:Provider=OpenAiCompatible needs Ai:BaseUrl (a local Ollama or vLLM) or Ai:ApiKey (OpenAI).", [nameof(BaseUrl)]);
        }
    }
}
