using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Accepts an invitation: a new user sets a password and a name; someone who already has an account confirms with
/// their password. Either way they join the tenant with the invited role and are signed in to it.
/// </summary>
public sealed record AcceptInvitation(string Token, string Password, string? FullName) : ICommand<AuthResponse>, ITransactionalCommand
{
    public static TransactionStore Store => TransactionStore.Catalog;
}

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator()
    {
        RuleFor(x => x.Token).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
        RuleFor(x => x.FullName).MaximumLength(120);
    }
}

public sealed class AcceptInvitationHandler(
    ICatalogDb catalog, CommandTransaction transaction, IIdentityService identity, SessionIssuer sessions, IAuditLog audit,
    TimeProvider clock)
    : ICommandHandler<AcceptInvitation, AuthResponse>
{
    public async ValueTask<AuthResponse> Handle(AcceptInvitation command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = SessionIssuer.Hash(command.Token);
        var invitation = await catalog.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.IsPending(now))
        {
            throw InputValidationException.For("token", "This invitation has expired or was already used. Ask for a new one.");
        }

        var tenant = await catalog.Tenants.SingleAsync(t => t.Id == invitation.TenantId, cancellationToken);
        var user = await identity.FindByEmailAsync(invitation.Email, cancellationToken);
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(command.FullName))
            {
                throw InputValidationException.For("fullName", "Enter your name.");
            }

            var policy = new InlineValidator<string>();
            policy.RuleFor(p => p).StrongPassword().OverridePropertyName("password");
            var result = await policy.ValidateAsync(command.Password, cancellationToken);
            if (!result.IsValid)
            {
                throw InputValidationException.For("password", result.Errors[0].ErrorMessage);
            }

            user = await identity.CreateUserAsync(transaction.Catalog, invitation.Email, command.Password, command.FullName, cancellationToken);
        }
        else if (await identity.CheckPasswordAsync(user.Id, command.Password, cancellationToken) != PasswordCheck.Succeeded)
        {
            throw new AuthenticationFailedException("This e-mail already has an account: enter its password to join.");
        }

        // The invitation link went to this address: opening it proves the address as a confirmation link would.
        await identity.MarkEmailVerifiedAsync(user.Id, cancellationToken);
        user = user with { EmailVerified = true };
        invitation.Accept(now);
        var existing = await catalog.Memberships.SingleOrDefaultAsync(m => m.TenantId == tenant.Id && m.UserId == user.Id, cancellationToken);
        var role = existing?.Role ?? invitation.Role;
        if (existing is null)
        {
            catalog.Memberships.Add(TenantMembership.Create(tenant.Id, user.Id, invitation.Role, now));
        }

        var response = sessions.Start(user, tenant, role);
        await catalog.SaveChangesAsync(cancellationToken);
        transaction.AfterCommit(ct =>
            audit.RecordAsync(AuditEventType.InvitationAccepted, tenant.Id, user.Id, $"{user.Email} joined as {role.ToClaimValue()}.", ct));
        return response;
    }
}
