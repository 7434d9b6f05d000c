using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Social;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Queue;

/// <summary>
/// A brand's queue on one network from now on: the next <see cref="Count"/> posting times, each with the post that holds
/// it or empty, and the posts scheduled at times of their own among them.
/// </summary>
public sealed record GetQueue(Guid? CompanyId, string? Platform, int Count = 20) : IQuery<QueueDto>
{
    public const int MaxCount = 200;
}

public sealed class GetQueueValidator : AbstractValidator<GetQueue>
{
    public GetQueueValidator()
    {
        RuleFor(x => x.Platform).Must(p => Enum.TryParse<SocialPlatform>(p, ignoreCase: true, out _))
            .WithMessage($"Choose a network: one of {string.Join(", ", Enum.GetNames<SocialPlatform>())}.");
        RuleFor(x => x.Count).InclusiveBetween(1, GetQueue.MaxCount).WithMessage($"Ask for 1 to {GetQueue.MaxCount} places.");
    }
}

public sealed class GetQueueHandler(ITenantDb db, TenantTime time, TimeProvider clock) : IQueryHandler<GetQueue, QueueDto>
{
    public async ValueTask<QueueDto> Handle(GetQueue query, CancellationToken cancellationToken)
    {
        await QueueReader.EnsureBrandAsync(db, query.CompanyId, cancellationToken);
        return await QueueReader.QueueAsync(db, await time.ZoneAsync(cancellationToken), query.CompanyId, Enum.Parse<SocialPlatform>(query.Platform!, ignoreCase: true), query.Count,
            clock.GetUtcNow(), cancellationToken);
    }
}
