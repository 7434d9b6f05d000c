using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// "Forgot password?": e-mails a single-use link to set a new password. The answer is the same, and as quick, whether
/// or not the address has an account; the message goes out after the answer.
/// </summary>
public sealed record RequestPasswordReset(string Email) : ICommand;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() =>
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your e-mail address.")
            .MaximumLength(254).EmailAddress().WithMessage("Enter a valid e-mail address.");
}

public sealed class RequestPasswordResetHandler(
    ICatalogDb catalog, IIdentityService identity, IEmailQueue email, IAppLinks links, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RequestPasswordReset>
{
    /// <summary>How long a reset link works; DataProtectorTokenProvider is configured with the same span.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(30);

    /// <summary>At most this many reset e-mails to one account per <see cref="ThrottleWindow"/>: nobody floods an inbox.</summary>
    public const int MaxEmailsPerWindow = 3;

    public static readonly TimeSpan ThrottleWindow = TimeSpan.FromMinutes(15);

    public async ValueTask<Unit> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        var user = await identity.FindByEmailAsync(command.Email, cancellationToken);
        // The same queries either way, so that the time taken does not tell whether the address has an account.
        var since = clock.GetUtcNow() - ThrottleWindow;
        var userId = user?.Id ?? Guid.Empty;
        var recent = await catalog.AuditEvents.CountAsync(
            e => e.UserId == userId && e.Type == AuditEventType.PasswordResetRequested && e.OccurredAt > since, cancellationToken);
        if (user is null)
        {
            await audit.RecordAsync(AuditEventType.PasswordResetRequested, null, null, "Password reset asked for an unknown e-mail.", cancellationToken);
            return Unit.Value;
        }

        if (recent >= MaxEmailsPerWindow)
        {
            await audit.RecordAsync(AuditEventType.PasswordResetThrottled, null, user.Id,
                $"Password reset not sent: {recent} links already sent in the last {ThrottleWindow.TotalMinutes:0} minutes.", cancellationToken);
            return Unit.Value;
        }

        var token = await identity.CreatePasswordResetTokenAsync(user.Id, cancellationToken);
        email.Enqueue(new EmailMessage(
            user.Email,
            "Reset your AI Brand Automator password",
            $"""
            Hello {user.FullName},

            Someone (hopefully you) asked to reset the password of your AI Brand Automator account.

            Choose a new password: {links.ResetPassword(user.Id, token)}

            The link works once, for {LinkLifetime.TotalMinutes:0} minutes, and only until your password changes.
            Setting a new password signs you out everywhere.

            If you did not ask for this, ignore this message: your password stays as it is.
            """));
        await audit.RecordAsync(AuditEventType.PasswordResetRequested, null, user.Id, "Password reset link sent.", cancellationToken);
        return Unit.Value;
    }
}
