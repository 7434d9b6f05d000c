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

/// <summary>A connection as members see it: never its tokens.</summary>
public sealed record SocialConnectionDto(
    Guid Id, Guid? CompanyId, SocialPlatform Platform, string ExternalAccountId, string DisplayName, ConnectionStatus Status,
    string? StatusReason, DateTimeOffset? ExpiresAt, bool CanRefresh, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SocialConnectionDto From(SocialConnection c) => new(
        c.Id, c.CompanyId, c.Platform, c.ExternalAccountId, c.DisplayName, c.Status, c.StatusReason, c.ExpiresAt, c.CanRefresh,
        c.CreatedAt, c.UpdatedAt);
}

public sealed record ListSocialConnections : IQuery<IReadOnlyList<SocialConnectionDto>>;

public sealed class ListSocialConnectionsHandler(ITenantDb db) : IQueryHandler<ListSocialConnections, IReadOnlyList<SocialConnectionDto>>
{
    public async ValueTask<IReadOnlyList<SocialConnectionDto>> Handle(ListSocialConnections query, CancellationToken cancellationToken) =>
        (await db.SocialConnections.AsNoTracking().OrderBy(c => c.Platform).ThenBy(c => c.CreatedAt).ToListAsync(cancellationToken))
        .Select(SocialConnectionDto.From).ToList();
}

/// <summary>
/// Registers an account by its tokens (pasted by an admin; the OAuth flow will create connections the same way). The
/// tokens are encrypted before they are stored. A connection for the same network and account replaces the old one.
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
        var previous = await db.SocialConnections
            .Where(c => c.Platform == command.Platform && c.ExternalAccountId == account).ToListAsync(cancellationToken);
        db.SocialConnections.RemoveRange(previous);
        var connection = SocialConnection.Connect(
            command.CompanyId, command.Platform, account, command.DisplayName,
            protector.Protect(command.Platform, command.AccessToken),
            string.IsNullOrEmpty(command.RefreshToken) ? null : protector.Protect(command.Platform, command.RefreshToken),
            command.ExpiresAt, user.UserId, clock.GetUtcNow());
        db.SocialConnections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        return SocialConnectionDto.From(connection);
    }
}

public sealed record DeleteSocialConnection(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class DeleteSocialConnectionHandler(ITenantDb db) : ICommandHandler<DeleteSocialConnection>
{
    public async ValueTask<Unit> Handle(DeleteSocialConnection command, CancellationToken cancellationToken)
    {
        var connection = await db.SocialConnections.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Connection", command.Id);
        db.SocialConnections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
