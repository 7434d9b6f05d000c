using BrandAutomator.Domain.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class OnboardingProgressConfiguration : IEntityTypeConfiguration<OnboardingProgress>
{
    public void Configure(EntityTypeBuilder<OnboardingProgress> builder)
    {
        builder.ToTable("onboarding_progress");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.CompletedSteps);
        builder.Ignore(p => p.IsCompleted);
        builder.Property<List<int>>("_completedSteps").HasColumnName("completed_steps");
    }
}
