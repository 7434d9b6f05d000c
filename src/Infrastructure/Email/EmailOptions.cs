using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Write each message to a folder and log it: development and self-hosted trials.</summary>
    Outbox,

    /// <summary>Send through an SMTP server.</summary>
    Smtp,
}

/// <summary>Section <c>Email</c>.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Outbox;

    [Required, EmailAddress]
    public string From { get; set; } = "no-reply@brandautomator.local";

    public string FromName { get; set; } = "AI Brand Automator";

    /// <summary>Outbox folder; relative paths are under the data folder.</summary>
    public string OutboxDirectory { get; set; } = "outbox";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The product's public address, for links in messages.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == EmailDelivery.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult("Email:SmtpHost is required when Email:Delivery is Smtp.", [nameof(SmtpHost)]);
        }
    }
}
