using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// What an invitation link is for, shown before the invitee decides: the workspace, who invited them, the role and
/// whether their address already has an account (so the page asks for the right password). Only the holder of the
/// link's token can read it, and it reveals nothing an expired or used link would not.
/// </summary>
public sealed record PreviewInvitation(string Token) : IQuery<InvitationPreview>;

public sealed record InvitationPreview(
    string WorkspaceName, string Email, string Role, string InvitedBy, DateTimeOffset ExpiresAt, bool HasAccount);

public sealed class PreviewInvitationValidator : AbstractValidator<PreviewInvitation>
{
    public PreviewInvitationValidator() => RuleFor(x => x.Token).NotEmpty().MaximumLength(200);
}

public sealed class PreviewInvitationHandler(ICatalogDb catalog, IIdentityService identity, TimeProvider clock)
    : IQueryHandler<PreviewInvitation, InvitationPreview>
{
    public async ValueTask<InvitationPreview> Handle(PreviewInvitation query, CancellationToken cancellationToken)
    {
        var hash = SessionIssuer.Hash(query.Token);
        var found = await catalog.Invitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Join(catalog.Tenants, i => i.TenantId, t => t.Id, (i, t) => new { Invitation = i, WorkspaceName = t.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !found.Invitation.IsPending(clock.GetUtcNow()))
        {
            // The same words as accepting it: a stale link learns nothing more here than there.
            throw InputValidationException.For("token", "This invitation has expired or was already used. Ask for a new one.");
        }

        var invitation = found.Invitation;
        var inviter = (await identity.FindByIdsAsync([invitation.InvitedByUserId], cancellationToken)).SingleOrDefault();
        var account = await identity.FindByEmailAsync(invitation.Email, cancellationToken);
        return new InvitationPreview(
            found.WorkspaceName, invitation.Email, invitation.Role.ToClaimValue(), inviter?.FullName ?? "A workspace admin",
            invitation.ExpiresAt, account is not null);
    }
}
