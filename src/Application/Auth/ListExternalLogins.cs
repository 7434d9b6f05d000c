using BrandAutomator.Application.Common.Ports;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>The caller's ways in: the configured providers, which are connected, and whether there is a password.</summary>
public sealed record ListExternalLogins : IQuery<ExternalLoginsDto>;

public sealed class ListExternalLoginsHandler(IExternalIdentityProviders providers, IExternalLogins logins, ICurrentUser currentUser)
    : IQueryHandler<ListExternalLogins, ExternalLoginsDto>
{
    public async ValueTask<ExternalLoginsDto> Handle(ListExternalLogins query, CancellationToken cancellationToken) =>
        await ExternalLoginsView.DescribeAsync(providers, logins, currentUser.UserId, cancellationToken);
}
