namespace BrandAutomator.Application.Common.Ports;

public sealed record UserAccount(Guid Id, string Email, string FullName);

public enum PasswordCheck
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>User accounts: creation, password checks with lockout, look-ups. Hides ASP.NET Core Identity.</summary>
public interface IIdentityService
{
    /// <summary>Creates a user; refused with field errors (e-mail taken, password rules) as <see cref="Errors.InputValidationException"/>.</summary>
    Task<UserAccount> CreateUserAsync(string email, string password, string fullName, CancellationToken cancellationToken);

    Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserAccount>> FindByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Checks a password, counting failures towards lockout. A null user costs the same time as a real one.</summary>
    Task<PasswordCheck> CheckPasswordAsync(Guid? userId, string password, CancellationToken cancellationToken);
}
