using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using Microsoft.AspNetCore.Identity;

namespace BrandAutomator.Infrastructure.Identity;

public sealed class ExternalLogins(UserManager<ApplicationUser> users, CatalogDbContext catalog, TimeProvider clock) : IExternalLogins
{
    public async Task<UserAccount?> FindByLoginAsync(string provider, string subject, CancellationToken cancellationToken)
    {
        var user = await users.FindByLoginAsync(provider, subject);
        return user is null ? null : ToAccount(user);
    }

    public async Task<UserAccount> CreateUserAsync(CatalogTransaction transaction, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        catalog.EnsureCurrent(transaction, "A new user");
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = identity.Email.Trim(),
            Email = identity.Email.Trim(),
            EmailConfirmed = identity.EmailVerified,
            FullName = string.IsNullOrWhiteSpace(identity.Name) ? identity.Email.Split('@')[0] : identity.Name.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        ThrowIfFailed(await users.CreateAsync(user), "email");
        ThrowIfFailed(await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider)), "provider");
        return ToAccount(user);
    }

    public async Task LinkAsync(Guid userId, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        ThrowIfFailed(await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider)), "provider");
    }

    public async Task UnlinkAsync(Guid userId, string provider, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        foreach (var login in (await users.GetLoginsAsync(user)).Where(l => l.LoginProvider == provider))
        {
            ThrowIfFailed(await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey), "provider");
        }
    }

    public async Task<(IReadOnlyList<string> Providers, bool HasPassword)> WaysInAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        return ((await users.GetLoginsAsync(user)).Select(l => l.LoginProvider).Distinct().ToList(), await users.HasPasswordAsync(user));
    }

    private async Task<ApplicationUser> RequireAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"User {userId} does not exist.");

    private static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Code switch
                {
                    "DuplicateEmail" or "DuplicateUserName" => "An account with this e-mail already exists. Sign in with its password, then connect this provider in Account settings.",
                    "LoginAlreadyAssociated" => "This account at the provider is already connected to another user.",
                    _ => e.Description,
                }).ToArray(),
            });
        }
    }

    private static UserAccount ToAccount(ApplicationUser user) => new(user.Id, user.Email!, user.FullName, user.EmailConfirmed, user.TwoFactorEnabled);
}
