using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Connects a provider's login to the signed-in account: the account is proven by the session that started it (the
/// state names it), and the provider must say the address is verified.
/// </summary>
public sealed record CompleteExternalLink(string Provider, string Code, string State) : ICommand<ExternalLoginsDto>;

public sealed class CompleteExternalLinkValidator : AbstractValidator<CompleteExternalLink>
{
    public CompleteExternalLinkValidator()
    {
        RuleFor(x => x.Provider).NotEmpty().MaximumLength(40);
        RuleFor(x => x.Code).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.State).NotEmpty().MaximumLength(4000);
    }
}

public sealed class CompleteExternalLinkHandler(
    IExternalIdentityProviders providers, IExternalLogins logins, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<CompleteExternalLink, ExternalLoginsDto>
{
    public async ValueTask<ExternalLoginsDto> Handle(CompleteExternalLink command, CancellationToken cancellationToken)
    {
        var result = await providers.CompleteAsync(command.Provider, command.Code, command.State, cancellationToken);
        var external = result.Identity;
        var name = providers.Configured.First(p => p.Key == external.Provider).Name;
        if (result.Purpose != ExternalLoginPurpose.Link || result.UserId != currentUser.UserId)
        {
            throw InputValidationException.For("state", $"This answer from {name} was not started from your account settings. Try again.");
        }

        if (!external.EmailVerified)
        {
            throw InputValidationException.For("code", $"{name} has not confirmed {external.Email}, so it cannot be connected.");
        }

        var owner = await logins.FindByLoginAsync(external.Provider, external.Subject, cancellationToken);
        if (owner is not null && owner.Id != currentUser.UserId)
        {
            throw new ConflictException($"This {name} account is already connected to another user.");
        }

        if (owner is null)
        {
            await logins.LinkAsync(currentUser.UserId, external, cancellationToken);
            await audit.RecordAsync(AuditEventType.ExternalLoginLinked, currentUser.TenantId, currentUser.UserId,
                $"{name} ({external.Email}) connected for signing in.", cancellationToken);
        }

        return await ExternalLoginsView.DescribeAsync(providers, logins, currentUser.UserId, cancellationToken);
    }
}
