namespace BrandAutomator.Application.Auth;

/// <summary>Section <c>Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Whether inviting members and changing the subscription need a confirmed e-mail address. On by default; a
    /// self-hosted trial that delivers no mail (outbox only) may turn it off.
    /// </summary>
    public bool RequireVerifiedEmail { get; set; } = true;
}
