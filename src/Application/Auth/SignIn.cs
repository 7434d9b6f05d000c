using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>Sign-in with e-mail and password, into the given tenant or the first one the user joined.</summary>
public sealed record SignIn(string Email, string Password, Guid? TenantId = null) : ICommand<AuthResponse>;

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
    }
}

public sealed class SignInHandler(
    ICatalogDb catalog, IIdentityService identity, SessionIssuer sessions, IAuditLog audit) : ICommandHandler<SignIn, AuthResponse>
{
    // The same words for an unknown e-mail and a wrong password, so that sign-in does not tell who has an account.
    public const string InvalidCredentials = "The e-mail or password is not correct.";
    public const string LockedOut = "Too many failed sign-ins: this account is locked for 15 minutes.";

    public async ValueTask<AuthResponse> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var user = await identity.FindByEmailAsync(command.Email, cancellationToken);
        var check = await identity.CheckPasswordAsync(user?.Id, command.Password, cancellationToken);
        switch (check)
        {
            case PasswordCheck.LockedOut:
                await audit.RecordAsync(AuditEventType.AccountLockedOut, null, user?.Id, "Sign-in refused: account locked.", cancellationToken);
                throw new AuthenticationFailedException(LockedOut);
            case PasswordCheck.Failed:
                await audit.RecordAsync(AuditEventType.SignInFailed, null, user?.Id,
                    user is null ? "Sign-in with an unknown e-mail." : "Sign-in with a wrong password.", cancellationToken);
                throw new AuthenticationFailedException(InvalidCredentials);
        }

        var membership = await catalog.Memberships
            .Where(m => m.UserId == user!.Id)
            .Join(catalog.Tenants.Where(t => t.State == TenantState.Ready), m => m.TenantId, t => t.Id, (m, t) => new { m.Role, Tenant = t })
            .Where(x => command.TenantId == null || x.Tenant.Id == command.TenantId)
            .OrderBy(x => x.Tenant.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new AuthenticationFailedException(command.TenantId is null
                ? "This account does not belong to any workspace any more."
                : "This account does not belong to that workspace.");

        var response = sessions.Start(user!, membership.Tenant, membership.Role);
        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.SignInSucceeded, membership.Tenant.Id, user!.Id, "Signed in.", cancellationToken);
        return response;
    }
}
