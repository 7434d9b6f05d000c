using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BrandAutomator.Infrastructure.Email;

internal static class Mime
{
    public static MimeMessage Build(EmailOptions options, EmailMessage message)
    {
        // Text alone as before; with an HTML alternative or attachments, multipart/alternative inside multipart/mixed.
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        return new MimeMessage
        {
            From = { new MailboxAddress(options.FromName, options.From) },
            To = { MailboxAddress.Parse(message.To) },
            Subject = message.Subject,
            Body = message.HtmlBody is null && message.Attachments is not { Count: > 0 } ? new TextPart("plain") { Text = message.TextBody } : body.ToMessageBody(),
        };
    }
}

/// <summary>Writes each message as an .eml file to the outbox folder and logs where: nothing leaves the machine.</summary>
public sealed partial class OutboxEmailSender(
    IOptions<EmailOptions> options, IOptions<EmbeddedPostgresOptions> data, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetFullPath(data.Value.DataDirectory), options.Value.OutboxDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        // Written beside, then moved in: whoever reads the outbox (a mail pickup, the tests) sees a whole message or none.
        var partial = path + ".partial";
        try
        {
            await Mime.Build(options.Value, message).WriteToAsync(partial, cancellationToken);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }

        LogWritten(logger, message.To, message.Subject, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail to {To} ({Subject}) written to the outbox: {Path}")]
    private static partial void LogWritten(ILogger logger, string to, string subject, string path);
}

/// <summary>Sends through the configured SMTP server (STARTTLS when offered).</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set."), settings.SmtpPort, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(Mime.Build(settings, message), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

public sealed class AppLinks(IOptions<EmailOptions> options) : IAppLinks
{
    public Uri AcceptInvitation(string token) =>
        new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/accept-invite?token={Uri.EscapeDataString(token)}");

    public Uri ResetPassword(Guid userId, string token) =>
        new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/reset-password#user={userId}&token={Uri.EscapeDataString(token)}");

    public Uri VerifyEmail(Guid userId, string token) =>
        new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/verify-email#user={userId}&token={Uri.EscapeDataString(token)}");

    public Uri CalendarFeed(string token) =>
        new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/content/calendar.ics?token={Uri.EscapeDataString(token)}");

    public Uri ContentItem(Guid id) => new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/calendar/items/{id}");

    public Uri Analytics(DateOnly first, DateOnly last) =>
        new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/app/analytics?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");
}
