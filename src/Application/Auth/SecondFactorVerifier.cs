using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Checks a second factor (a code from the authenticator app, or a recovery code) for one user, with a limit per user
/// on top of the per-IP limit of the endpoints: wrong codes are audited, and past <see cref="MaxFailures"/> in
/// <see cref="FailureWindow"/> the user's codes are not even checked until the window moves on.
/// </summary>
public sealed class SecondFactorVerifier(ICatalogDb catalog, ITwoFactorAccounts twoFactor, IAuditLog audit, TimeProvider clock)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    public const string WrongCode = "This code is not correct, or was already used. Enter the current code from your authenticator app.";
    public const string WrongRecoveryCode = "This recovery code is not correct, or was already used.";

    /// <summary>Throws a field error (<paramref name="codeField"/> or <paramref name="recoveryField"/>) unless one of the two is right.</summary>
    public async Task VerifyAsync(
        Guid userId, Guid? tenantId, string? code, string? recoveryCode, string codeField, string recoveryField, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recent = await catalog.AuditEvents
            .Where(e => e.UserId == userId && e.Type == AuditEventType.TwoFactorCodeRefused && e.OccurredAt > now - FailureWindow)
            .OrderByDescending(e => e.OccurredAt)
            .Select(e => e.OccurredAt)
            .Take(MaxFailures)
            .ToListAsync(cancellationToken);
        if (recent.Count >= MaxFailures)
        {
            var wait = recent[^1] + FailureWindow - now;
            throw new TooManyAttemptsException(
                $"Too many wrong codes: try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minutes.", wait);
        }

        var usingRecovery = string.IsNullOrWhiteSpace(code);
        var field = usingRecovery ? recoveryField : codeField;
        var check = usingRecovery
            ? await twoFactor.RedeemRecoveryCodeAsync(userId, recoveryCode ?? "", cancellationToken)
            : await twoFactor.CheckAuthenticatorCodeAsync(userId, code!, cancellationToken);
        switch (check)
        {
            case SecondFactorCheck.Accepted:
                if (usingRecovery)
                {
                    var left = await twoFactor.RecoveryCodesLeftAsync(userId, cancellationToken);
                    await audit.RecordAsync(AuditEventType.TwoFactorRecoveryCodeUsed, tenantId, userId,
                        $"A recovery code was used; {left} left.", cancellationToken);
                }

                return;
            case SecondFactorCheck.LockedOut:
                await audit.RecordAsync(AuditEventType.AccountLockedOut, tenantId, userId, "Second factor refused: account locked.", cancellationToken);
                throw new AuthenticationFailedException(SignInHandler.LockedOut);
            default:
                await audit.RecordAsync(AuditEventType.TwoFactorCodeRefused, tenantId, userId,
                    usingRecovery ? "A wrong or used recovery code was refused." : "A wrong or reused authenticator code was refused.",
                    cancellationToken);
                throw InputValidationException.For(field, usingRecovery ? WrongRecoveryCode : WrongCode);
        }
    }
}
