using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Disconnects a provider from the caller's account, as long as another way in remains (a password or another provider).</summary>
public sealed record UnlinkExternalLogin(string Provider) : ICommand<ExternalLoginsDto>;

public sealed class UnlinkExternalLoginValidator : AbstractValidator<UnlinkExternalLogin>
{
    public UnlinkExternalLoginValidator() => RuleFor(x => x.Provider).NotEmpty().MaximumLength(40);
}

public sealed class UnlinkExternalLoginHandler(
    IExternalIdentityProviders providers, IExternalLogins logins, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<UnlinkExternalLogin, ExternalLoginsDto>
{
    public async ValueTask<ExternalLoginsDto> Handle(UnlinkExternalLogin command, CancellationToken cancellationToken)
    {
        var provider = command.Provider.Trim().ToLowerInvariant();
        var (linked, hasPassword) = await logins.WaysInAsync(currentUser.UserId, cancellationToken);
        if (!linked.Contains(provider))
        {
            throw new NotFoundException("Connected sign-in", command.Provider);
        }

        if (!hasPassword && linked.Count == 1)
        {
            throw new ConflictException("This is your only way to sign in. Set a password (Forgot password? on the sign-in page) or connect another provider first.");
        }

        await logins.UnlinkAsync(currentUser.UserId, provider, cancellationToken);
        await audit.RecordAsync(AuditEventType.ExternalLoginUnlinked, currentUser.TenantId, currentUser.UserId,
            $"{provider} disconnected from signing in.", cancellationToken);
        return await ExternalLoginsView.DescribeAsync(providers, logins, currentUser.UserId, cancellationToken);
    }
}
