using BrandAutomator.Application.Common.Ports;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>The providers this server offers for signing in; none when none is configured (the buttons stay hidden).</summary>
public sealed record ListExternalProviders : IQuery<IReadOnlyList<ExternalProviderDto>>;

public sealed class ListExternalProvidersHandler(IExternalIdentityProviders providers)
    : IQueryHandler<ListExternalProviders, IReadOnlyList<ExternalProviderDto>>
{
    public ValueTask<IReadOnlyList<ExternalProviderDto>> Handle(ListExternalProviders query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ExternalProviderDto>>(providers.Configured.Select(p => new ExternalProviderDto(p.Key, p.Name)).ToList());
}
