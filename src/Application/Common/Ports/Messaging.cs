namespace BrandAutomator.Application.Common.Ports;

/// <summary>
/// An e-mail: a plain-text body always, an HTML alternative and attachments (such as a PDF report) when given.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A file sent with an e-mail.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends e-mail: SMTP in production, a local outbox folder in development.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends e-mail after the request has answered. Used where the answer's timing must not tell whether a message was
/// sent (password reset for an unknown address answers as fast as for a known one).
/// </summary>
public interface IEmailQueue
{
    void Enqueue(EmailMessage message);
}

/// <summary>Links the product puts in e-mails and feeds.</summary>
public interface IAppLinks
{
    Uri AcceptInvitation(string token);

    /// <summary>The page that sets a new password; the token rides in the fragment, so it never reaches a server log.</summary>
    Uri ResetPassword(Guid userId, string token);

    /// <summary>The page that confirms an e-mail address; the token rides in the fragment.</summary>
    Uri VerifyEmail(Guid userId, string token);

    /// <summary>The iCalendar feed of a member's calendar, carrying their secret token.</summary>
    Uri CalendarFeed(string token);

    /// <summary>A post in the calendar, for e-mails about it.</summary>
    Uri ContentItem(Guid id);

    /// <summary>The analytics page of a period (dates in the workspace's zone), for reports.</summary>
    Uri Analytics(DateOnly first, DateOnly last);
}
