using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>Replaces a version's strategy with the user's edit; the version is marked edited. Field rules are the profile's.</summary>
public sealed record EditBrandStrategyVersion(Guid VersionId, BrandStrategy Strategy) : ICommand<BrandStrategyVersionDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class EditBrandStrategyVersionValidator : AbstractValidator<EditBrandStrategyVersion>
{
    // The strategy's own rules (BrandStrategy.Checked) name each field; here only that there is one.
    public EditBrandStrategyVersionValidator() => RuleFor(x => x.Strategy).NotNull();
}

public sealed class EditBrandStrategyVersionHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<EditBrandStrategyVersion, BrandStrategyVersionDto>
{
    public async ValueTask<BrandStrategyVersionDto> Handle(EditBrandStrategyVersion command, CancellationToken cancellationToken)
    {
        var version = await db.StrategyVersions.SingleOrDefaultAsync(v => v.Id == command.VersionId, cancellationToken)
            ?? throw new NotFoundException("Strategy version", command.VersionId);
        version.Edit(command.Strategy, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return BrandStrategyVersionDto.From(version);
    }
}
