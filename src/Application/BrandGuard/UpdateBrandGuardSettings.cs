using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>Chooses which severities block scheduling (none: the brand guard only advises).</summary>
public sealed record UpdateBrandGuardSettings(IReadOnlyList<FindingSeverity> BlockingSeverities) : ICommand<BrandGuardSettingsDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class UpdateBrandGuardSettingsValidator : AbstractValidator<UpdateBrandGuardSettings>
{
    public UpdateBrandGuardSettingsValidator()
    {
        RuleFor(x => x.BlockingSeverities).NotNull().WithMessage("List the severities that block, or none.");
        RuleForEach(x => x.BlockingSeverities).IsInEnum().WithMessage("Choose low, medium or high.");
    }
}

public sealed class UpdateBrandGuardSettingsHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<UpdateBrandGuardSettings, BrandGuardSettingsDto>
{
    public async ValueTask<BrandGuardSettingsDto> Handle(UpdateBrandGuardSettings command, CancellationToken cancellationToken)
    {
        var settings = await db.TenantSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = TenantSettings.Defaults(clock.GetUtcNow());
            db.TenantSettings.Add(settings);
        }

        settings.BlockOn(command.BlockingSeverities, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new BrandGuardSettingsDto(settings.BlockingSeverities);
    }
}
