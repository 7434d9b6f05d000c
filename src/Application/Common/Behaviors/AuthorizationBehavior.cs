using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Common.Behaviors;

/// <summary>A message that only members with at least this role may send.</summary>
public interface IRequireRole
{
    static abstract TenantRole RequiredRole { get; }
}

/// <summary>
/// Enforces <see cref="IRequireRole"/> in the application itself, so that a message is refused the same way whether it
/// comes through an endpoint (whose policy already checks) or any other caller.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly TenantRole? Required = typeof(TMessage).GetInterfaces().Contains(typeof(IRequireRole))
        ? (TenantRole)typeof(TMessage).GetProperty(nameof(IRequireRole.RequiredRole),
            System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!
        : null;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Required is { } role)
        {
            if (!currentUser.IsAuthenticated)
            {
                throw new AuthenticationFailedException("Sign in first.");
            }

            if (currentUser.Role < role)
            {
                throw new ForbiddenException($"This needs the {role.ToClaimValue()} role.");
            }
        }

        return next(message, cancellationToken);
    }
}
