using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>Sends the caller a new e-mail verification link; a few per hour at most.</summary>
public sealed record SendEmailVerification : ICommand;

public sealed class SendEmailVerificationHandler(
    ICatalogDb catalog, IIdentityService identity, ICurrentUser currentUser, EmailVerificationMailer mailer, TimeProvider clock)
    : ICommandHandler<SendEmailVerification>
{
    public const int MaxEmailsPerHour = 5;

    public async ValueTask<Unit> Handle(SendEmailVerification command, CancellationToken cancellationToken)
    {
        var user = (await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).Single();
        if (user.EmailVerified)
        {
            throw new ConflictException("Your e-mail address is already confirmed.");
        }

        var since = clock.GetUtcNow().AddHours(-1);
        var recent = await catalog.AuditEvents.CountAsync(
            e => e.UserId == user.Id && e.Type == AuditEventType.EmailVerificationSent && e.OccurredAt > since, cancellationToken);
        if (recent >= MaxEmailsPerHour)
        {
            throw new ConflictException("We already sent several links in the last hour. Check your inbox and spam folder, or try again later.");
        }

        await mailer.SendAsync(user, currentUser.TenantId, cancellationToken);
        return Unit.Value;
    }
}
