using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class AutomationTaskConfiguration : IEntityTypeConfiguration<AutomationTask>
{
    public void Configure(EntityTypeBuilder<AutomationTask> builder)
    {
        builder.ToTable("automation_tasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasMaxLength(40);
        builder.Property(t => t.Title).HasMaxLength(ContentItem.MaxTitleLength);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Result).HasMaxLength(2000);
        builder.Ignore(t => t.RemainingSteps);
        builder.Property<List<string>>("_remainingSteps").HasColumnName("remaining_steps").HasColumnType("jsonb")
            .HasConversion(JsonColumn.Of<List<string>>(), JsonColumn.Comparer<List<string>>());
        builder.HasIndex(t => t.StartedAt);
        builder.HasIndex(t => t.ContentItemId);
        builder.HasIndex(t => t.SubjectId);
    }
}
