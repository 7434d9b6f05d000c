using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>A connection as members see it, with its health and what to do about it: never its tokens.</summary>
public sealed record SocialConnectionDto(
    Guid Id, Guid? CompanyId, SocialPlatform Platform, string ExternalAccountId, string DisplayName, ConnectionStatus Status,
    string? StatusReason, DateTimeOffset? ExpiresAt, bool CanRefresh, ConnectionHealth Health, ConnectionWarningDto? Warning,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SocialConnectionDto From(SocialConnection c, DateTimeOffset now) => new(
        c.Id, c.CompanyId, c.Platform, c.ExternalAccountId, c.DisplayName, c.Status, c.StatusReason, c.ExpiresAt, c.CanRefresh,
        c.HealthAt(now), ConnectionWarnings.For(c, now), c.CreatedAt, c.UpdatedAt);
}

public sealed record ListSocialConnections : IQuery<IReadOnlyList<SocialConnectionDto>>;

public sealed class ListSocialConnectionsHandler(ITenantDb db, TimeProvider clock) : IQueryHandler<ListSocialConnections, IReadOnlyList<SocialConnectionDto>>
{
    public async ValueTask<IReadOnlyList<SocialConnectionDto>> Handle(ListSocialConnections query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await db.SocialConnections.AsNoTracking().OrderBy(c => c.Platform).ThenBy(c => c.CreatedAt).ToListAsync(cancellationToken))
            .Select(c => SocialConnectionDto.From(c, now)).ToList();
    }
}

/// <summary>
/// Registers an account by its tokens (pasted by an admin; the OAuth flow will create connections the same way). The
/// tokens are encrypted before they are stored. A connection for the same network and account is updated in place.
/// </summary>
public sealed record CreateSocialConnection(
    SocialPlatform Platform, string ExternalAccountId, string DisplayName, string AccessToken, string? RefreshToken,
    DateTimeOffset? ExpiresAt, Guid? CompanyId) : ICommand<SocialConnectionDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class CreateSocialConnectionValidator : AbstractValidator<CreateSocialConnection>
{
    public CreateSocialConnectionValidator()
    {
        RuleFor(x => x.Platform).IsInEnum();
        RuleFor(x => x.ExternalAccountId).NotEmpty().MaximumLength(SocialConnection.MaxAccountIdLength);
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(SocialConnection.MaxDisplayNameLength);
        RuleFor(x => x.AccessToken).NotEmpty().MaximumLength(8192);
        RuleFor(x => x.RefreshToken).MaximumLength(8192);
    }
}

public sealed class CreateSocialConnectionHandler(ITenantDb db, ISocialTokenProtector protector, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateSocialConnection, SocialConnectionDto>
{
    public async ValueTask<SocialConnectionDto> Handle(CreateSocialConnection command, CancellationToken cancellationToken)
    {
        await ContentRules.EnsureCompanyAsync(db, command.CompanyId, cancellationToken);
        var account = command.ExternalAccountId.Trim();
        var now = clock.GetUtcNow();
        var access = protector.Protect(command.Platform, command.AccessToken);
        var refresh = string.IsNullOrEmpty(command.RefreshToken) ? null : protector.Protect(command.Platform, command.RefreshToken);
        var connection = await db.SocialConnections
            .SingleOrDefaultAsync(c => c.Platform == command.Platform && c.ExternalAccountId == account, cancellationToken);
        if (connection is null)
        {
            connection = SocialConnection.Connect(
                command.CompanyId, command.Platform, account, command.DisplayName, access, refresh, command.ExpiresAt, user.UserId, now);
            db.SocialConnections.Add(connection);
        }
        else
        {
            connection.Reauthorize(command.CompanyId, command.DisplayName, access, refresh, command.ExpiresAt, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return SocialConnectionDto.From(connection, now);
    }
}

public sealed record DeleteSocialConnection(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class DeleteSocialConnectionHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<DeleteSocialConnection>
{
    public async ValueTask<Unit> Handle(DeleteSocialConnection command, CancellationToken cancellationToken)
    {
        var connection = await db.SocialConnections.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Connection", command.Id);
        // The profile stays the brand's; without its connection nothing proves it any more.
        foreach (var profile in await db.SocialProfiles.Where(p => p.ConnectionId == connection.Id).ToListAsync(cancellationToken))
        {
            profile.Unlink(clock.GetUtcNow());
        }

        db.SocialConnections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>A brand's public profile on one network (the brief's <c>social_profiles</c>).</summary>
public sealed record SocialProfileDto(
    Guid Id, Guid? CompanyId, SocialPlatform Platform, string ExternalAccountId, string Handle, string? ProfileUrl, bool Verified,
    Guid? ConnectionId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SocialProfileDto From(SocialProfile p) =>
        new(p.Id, p.CompanyId, p.Platform, p.ExternalAccountId, p.Handle, p.ProfileUrl, p.Verified, p.ConnectionId, p.CreatedAt, p.UpdatedAt);
}

public sealed record ListSocialProfiles(Guid? CompanyId) : IQuery<IReadOnlyList<SocialProfileDto>>;

public sealed class ListSocialProfilesHandler(ITenantDb db) : IQueryHandler<ListSocialProfiles, IReadOnlyList<SocialProfileDto>>
{
    public async ValueTask<IReadOnlyList<SocialProfileDto>> Handle(ListSocialProfiles query, CancellationToken cancellationToken)
    {
        var profiles = db.SocialProfiles.AsNoTracking();
        if (query.CompanyId is { } companyId)
        {
            profiles = profiles.Where(p => p.CompanyId == companyId);
        }

        return (await profiles.OrderBy(p => p.Platform).ThenBy(p => p.CreatedAt).ToListAsync(cancellationToken)).Select(SocialProfileDto.From).ToList();
    }
}
