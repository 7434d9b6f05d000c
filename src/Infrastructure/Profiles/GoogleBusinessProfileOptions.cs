using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Profiles;

/// <summary>
/// Section <c>GoogleBusinessProfile</c>: where the Business Information API (locations.create, locations.patch) and the
/// Verifications API (getVoiceOfMerchantState) are. Posting (localPosts) keeps its own <c>Publishing:GoogleBusiness</c>.
/// </summary>
public sealed class GoogleBusinessProfileOptions
{
    public const string Section = "GoogleBusinessProfile";

    [Required]
    [Url]
    public string BusinessInformationUrl { get; set; } = "https://mybusinessbusinessinformation.googleapis.com";

    [Required]
    [Url]
    public string VerificationsUrl { get; set; } = "https://mybusinessverifications.googleapis.com";

    /// <summary>How long one call may take before its answer counts as lost.</summary>
    [Range(0.5, 300)]
    public double RequestTimeoutSeconds { get; set; } = 30;
}
