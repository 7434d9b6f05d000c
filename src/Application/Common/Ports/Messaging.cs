namespace BrandAutomator.Application.Common.Ports;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Sends e-mail: SMTP in production, a local outbox folder in development.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Links the product puts in e-mails and feeds.</summary>
public interface IAppLinks
{
    Uri AcceptInvitation(string token);

    /// <summary>The iCalendar feed of a member's calendar, carrying their secret token.</summary>
    Uri CalendarFeed(string token);

    /// <summary>A post in the calendar, for e-mails about it.</summary>
    Uri ContentItem(Guid id);
}
