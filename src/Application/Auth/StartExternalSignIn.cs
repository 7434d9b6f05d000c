using BrandAutomator.Application.Common.Ports;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Starts signing in (or up) with a provider: the address to send the browser to.</summary>
public sealed record StartExternalSignIn(string Provider) : ICommand<ExternalAuthorizationDto>;

public sealed class StartExternalSignInValidator : AbstractValidator<StartExternalSignIn>
{
    public StartExternalSignInValidator() => RuleFor(x => x.Provider).NotEmpty().MaximumLength(40);
}

public sealed class StartExternalSignInHandler(IExternalIdentityProviders providers) : ICommandHandler<StartExternalSignIn, ExternalAuthorizationDto>
{
    public async ValueTask<ExternalAuthorizationDto> Handle(StartExternalSignIn command, CancellationToken cancellationToken) =>
        new((await providers.StartAsync(command.Provider, ExternalLoginPurpose.SignIn, null, cancellationToken)).AuthorizationUrl);
}
