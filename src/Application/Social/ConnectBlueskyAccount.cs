using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Companies;
using BrandAutomator.Application.Content;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>
/// Connects a Bluesky account with its handle (or e-mail) and an app password made for this product in Bluesky's
/// settings. The password is sent once to sign in and never stored: the connection keeps the session's tokens
/// (encrypted), renewed with <c>com.atproto.server.refreshSession</c>. Connecting the same account again renews it.
/// </summary>
public sealed record ConnectBlueskyAccount(string Handle, string AppPassword, Guid? CompanyId) : ICommand<SocialConnectionDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class ConnectBlueskyAccountValidator : AbstractValidator<ConnectBlueskyAccount>
{
    public ConnectBlueskyAccountValidator()
    {
        RuleFor(x => x.Handle).NotEmpty().WithMessage("Enter the account's handle, such as yourbrand.bsky.social.")
            .MaximumLength(253)
            .Must(ConnectBlueskyAccountHandler.IsHandleOrEmail).When(x => !string.IsNullOrWhiteSpace(x.Handle), ApplyConditionTo.CurrentValidator)
            .WithMessage("Enter the handle as Bluesky shows it, such as yourbrand.bsky.social or @yourbrand, or the account's e-mail address; not a web address.");
        RuleFor(x => x.AppPassword).NotEmpty().WithMessage("Enter an app password made in Bluesky's settings (Privacy and security, App passwords).")
            .MaximumLength(100);
    }
}

public sealed partial class ConnectBlueskyAccountHandler(
    ITenantDb db, IBlueskySessions sessions, ISocialTokenProtector tokens, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ConnectBlueskyAccount, SocialConnectionDto>
{
    public async ValueTask<SocialConnectionDto> Handle(ConnectBlueskyAccount command, CancellationToken cancellationToken)
    {
        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        var signIn = await sessions.CreateSessionAsync(Identifier(command.Handle), command.AppPassword.Trim(), cancellationToken);
        var session = signIn.Session ?? throw new DomainRuleException(
            $"Bluesky did not accept this handle and app password ({signIn.Refusal ?? "no reason given"}).", "appPassword");

        const SocialPlatform platform = SocialPlatform.Bluesky;
        var now = clock.GetUtcNow();
        var name = "@" + session.Handle;
        var access = tokens.Protect(platform, session.AccessJwt);
        var refresh = tokens.Protect(platform, session.RefreshJwt);
        var connection = await db.SocialConnections.SingleOrDefaultAsync(c => c.Platform == platform && c.ExternalAccountId == session.Did, cancellationToken);
        if (connection is null)
        {
            connection = SocialConnection.Connect(command.CompanyId, platform, session.Did, name, access, refresh, session.AccessExpiresAt, user.UserId, now);
            db.SocialConnections.Add(connection);
        }
        else
        {
            connection.Reauthorize(command.CompanyId, name, access, refresh, session.AccessExpiresAt, now);
        }

        var profileUrl = $"https://bsky.app/profile/{session.Handle}";
        var profile = await db.SocialProfiles.SingleOrDefaultAsync(p => p.Platform == platform && p.ExternalAccountId == session.Did, cancellationToken);
        if (profile is null)
        {
            db.SocialProfiles.Add(SocialProfile.FromConnection(connection, profileUrl, now));
        }
        else
        {
            profile.Verify(connection, profileUrl, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return SocialConnectionDto.From(connection, now);
    }

    /// <summary>
    /// A handle ("@acme", "acme", "acme.bsky.social", a domain of the brand's own) as the AT Protocol spells them
    /// (labels of letters, digits and hyphens, separated by dots), or the account's e-mail address.
    /// </summary>
    internal static bool IsHandleOrEmail(string? handle)
    {
        var trimmed = (handle ?? "").Trim().TrimStart('@');
        return HandlePattern().IsMatch(trimmed) || EmailPattern().IsMatch(trimmed);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial System.Text.RegularExpressions.Regex HandlePattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial System.Text.RegularExpressions.Regex EmailPattern();

    /// <summary>"@acme" and "acme" mean acme.bsky.social, as in the app; a domain handle or an e-mail address is used as typed.</summary>
    internal static string Identifier(string handle)
    {
        var trimmed = handle.Trim().TrimStart('@');
        return trimmed.Contains('.', StringComparison.Ordinal) || trimmed.Contains('@', StringComparison.Ordinal) ? trimmed : trimmed + ".bsky.social";
    }
}
