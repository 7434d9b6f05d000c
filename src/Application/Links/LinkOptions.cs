using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Application.Links;

/// <summary>Section <c>Links</c>: where short links point, and how often their clicks are written.</summary>
public sealed class LinkOptions : IValidatableObject
{
    public const string Section = "Links";

    /// <summary>The address short links are made on (a short domain served by this API); empty: <c>Email:PublicBaseUrl</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How often counted clicks are written (they are kept in memory until then).</summary>
    [Range(0.1, 300)]
    public double ClickFlushSeconds { get; set; } = 5;

    /// <summary>How a short link starts: the base address and <c>/l/</c>.</summary>
    public string Prefix => $"{(BaseUrl ?? "").TrimEnd('/')}/l/";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) &&
            (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0))
        {
            yield return new ValidationResult($"Links:BaseUrl '{BaseUrl}' is not an absolute http(s) address without a query.", [nameof(BaseUrl)]);
        }
    }
}
