namespace BrandAutomator.Application.Common.Ports;

public sealed record UserAccount(Guid Id, string Email, string FullName, bool EmailVerified = false, bool TwoFactorEnabled = false);

/// <summary>
/// A new account's password whose hash (about 45 ms of CPU: PBKDF2 with 100,000 rounds) is being computed on the thread
/// pool, so that the caller's database work (a new workspace's schema) runs meanwhile. Made by
/// <see cref="IIdentityService.HashInBackground"/>; the password's rules are checked when the user is created.
/// </summary>
public sealed class PendingPassword(string password, Task<string> hash)
{
    public string Password { get; } = password;

    public Task<string> Hash { get; } = hash;
}

public enum PasswordCheck
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>User accounts: creation, password checks with lockout, look-ups. Hides ASP.NET Core Identity.</summary>
public interface IIdentityService
{
    /// <summary>
    /// Creates a user inside <paramref name="transaction"/>, so that it is kept only with what the caller makes with it
    /// (a workspace, a membership); refused with field errors (e-mail taken, password rules) as <see cref="Errors.InputValidationException"/>.
    /// </summary>
    Task<UserAccount> CreateUserAsync(
        CatalogTransaction transaction, string email, string password, string fullName, CancellationToken cancellationToken);

    /// <inheritdoc cref="CreateUserAsync(CatalogTransaction, string, string, string, CancellationToken)"/>
    Task<UserAccount> CreateUserAsync(
        CatalogTransaction transaction, string email, PendingPassword password, string fullName, CancellationToken cancellationToken);

    /// <summary>Starts hashing a new account's password on the thread pool; see <see cref="PendingPassword"/>.</summary>
    PendingPassword HashInBackground(string password);

    Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserAccount>> FindByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Checks a password, counting failures towards lockout. A null user costs the same time as a real one.</summary>
    Task<PasswordCheck> CheckPasswordAsync(Guid? userId, string password, CancellationToken cancellationToken);

    /// <summary>A single-use password-reset token, bound to the user's current password (security stamp); short-lived.</summary>
    Task<string> CreatePasswordResetTokenAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Sets a new password if the token is valid; the security stamp changes, so every earlier link dies. False for a bad token.</summary>
    Task<bool> ResetPasswordAsync(Guid userId, string token, string newPassword, CancellationToken cancellationToken);

    /// <summary>Replaces the password after checking the current one (failures count towards lockout).</summary>
    Task<PasswordCheck> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>A token that proves the holder reads the user's current e-mail address.</summary>
    Task<string> CreateEmailVerificationTokenAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Marks the address verified without a token: for proofs of another kind (an accepted invitation link).</summary>
    Task MarkEmailVerifiedAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Marks the address verified if the token is valid for it; false otherwise.</summary>
    Task<bool> VerifyEmailAsync(Guid userId, string token, CancellationToken cancellationToken);
}
