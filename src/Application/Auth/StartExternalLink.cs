using BrandAutomator.Application.Common.Ports;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Starts connecting a provider to the signed-in account: the state names the account, so only it can finish.</summary>
public sealed record StartExternalLink(string Provider) : ICommand<ExternalAuthorizationDto>;

public sealed class StartExternalLinkValidator : AbstractValidator<StartExternalLink>
{
    public StartExternalLinkValidator() => RuleFor(x => x.Provider).NotEmpty().MaximumLength(40);
}

public sealed class StartExternalLinkHandler(IExternalIdentityProviders providers, ICurrentUser currentUser)
    : ICommandHandler<StartExternalLink, ExternalAuthorizationDto>
{
    public async ValueTask<ExternalAuthorizationDto> Handle(StartExternalLink command, CancellationToken cancellationToken) =>
        new((await providers.StartAsync(command.Provider, ExternalLoginPurpose.Link, currentUser.UserId, cancellationToken)).AuthorizationUrl);
}
