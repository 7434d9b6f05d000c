using BrandAutomator.Application.Auth;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Infrastructure.Identity;

public sealed class IdentityService(UserManager<ApplicationUser> users, CatalogDbContext catalog, TimeProvider clock) : IIdentityService
{
    // Verified when the e-mail is unknown, so that an unknown e-mail takes as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public Task<UserAccount> CreateUserAsync(
        CatalogTransaction transaction, string email, string password, string fullName, CancellationToken cancellationToken) =>
        CreateUserAsync(transaction, email, HashInBackground(password), fullName, cancellationToken);

    public async Task<UserAccount> CreateUserAsync(
        CatalogTransaction transaction, string email, PendingPassword password, string fullName, CancellationToken cancellationToken)
    {
        catalog.EnsureCurrent(transaction, "A new user");
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = email.Trim(),
            Email = email.Trim(),
            FullName = fullName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        // What UserManager.CreateAsync(user, password) does, with the hash computed ahead: the password's rules first
        // (their errors alone, as Identity reports them), then the user's own (e-mail taken) when the user is created.
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password.Password);
            passwordErrors.AddRange(check.Errors);
        }

        var result = passwordErrors.Count > 0 ? IdentityResult.Failed([.. passwordErrors]) : await CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InputValidationException(result.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(Describe).ToArray()));
        }

        return ToAccount(user);
    }

    public PendingPassword HashInBackground(string password) =>
        new(password, Task.Run(() => users.PasswordHasher.HashPassword(new ApplicationUser(), password)));

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        return user is null ? null : ToAccount(user);
    }

    public async Task<IReadOnlyList<UserAccount>> FindByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await users.Users.Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken)).Select(ToAccount).ToList();

    public async Task<PasswordCheck> CheckPasswordAsync(Guid? userId, string password, CancellationToken cancellationToken)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId.Value.ToString());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DummyHash.Value, password);
            return PasswordCheck.Failed;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return PasswordCheck.LockedOut;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return PasswordCheck.Succeeded;
        }

        await users.AccessFailedAsync(user);
        return PasswordCheck.Failed;
    }

    public async Task<string> CreatePasswordResetTokenAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.GeneratePasswordResetTokenAsync(await RequireAsync(userId));

    public async Task<bool> ResetPasswordAsync(Guid userId, string token, string newPassword, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        // Identity checks the token (purpose, age, security stamp) before anything else, then changes the stamp.
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return false;
        }

        ThrowIfFailed(result, "newPassword");
        // Whoever reads the mailbox has proven enough: failed attempts and a lockout made by someone else end here.
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return true;
    }

    public async Task<PasswordCheck> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var check = await CheckPasswordAsync(userId, currentPassword, cancellationToken);
        if (check != PasswordCheck.Succeeded)
        {
            return check;
        }

        // Changes the security stamp too: reset links issued for the old password stop working.
        ThrowIfFailed(await users.ChangePasswordAsync(await RequireAsync(userId), currentPassword, newPassword), "newPassword");
        return PasswordCheck.Succeeded;
    }

    public async Task<string> CreateEmailVerificationTokenAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.GenerateEmailConfirmationTokenAsync(await RequireAsync(userId));

    public async Task<bool> VerifyEmailAsync(Guid userId, string token, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        return user is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    public async Task MarkEmailVerifiedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            ThrowIfFailed(await users.UpdateAsync(user), "email");
        }
    }

    private async Task<IdentityResult> CreateAsync(ApplicationUser user, PendingPassword password)
    {
        user.PasswordHash = await password.Hash;
        return await users.CreateAsync(user);
    }

    private async Task<ApplicationUser> RequireAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"User {userId} does not exist.");

    private static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [field] = result.Errors.Select(Describe).ToArray() });
        }
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateEmail" or "DuplicateUserName" => "An account with this e-mail already exists. Sign in instead.",
        "InvalidEmail" or "InvalidUserName" => "Enter a valid e-mail address.",
        _ => error.Description,
    };

    private static UserAccount ToAccount(ApplicationUser user) => new(user.Id, user.Email!, user.FullName, user.EmailConfirmed, user.TwoFactorEnabled);
}
