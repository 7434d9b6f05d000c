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
}
