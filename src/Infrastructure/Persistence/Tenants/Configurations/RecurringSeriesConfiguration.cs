using System.Text.Json;
using System.Text.Json.Serialization;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class RecurringSeriesConfiguration : IEntityTypeConfiguration<RecurringSeries>
{
    // The rule as the API writes it: enums by name, so that the column reads well and survives reordering them.
    private static readonly JsonSerializerOptions RuleJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<RecurringSeries> builder)
    {
        builder.ToTable("recurring_series");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(ContentItem.MaxTitleLength);
        builder.Ignore(s => s.Variants);
        builder.Property<List<ContentVariant>>("_variants").HasColumnName("variants").HasColumnType("json")
            .HasConversion(JsonColumn.Of<List<ContentVariant>>(ContentVariantJson.Options), JsonColumn.Comparer<List<ContentVariant>>(ContentVariantJson.Options));
        builder.Property(s => s.Rule).HasColumnType("json")
            .HasConversion(
                new ValueConverter<RepeatRule, string>(v => JsonSerializer.Serialize(v, RuleJson), v => JsonSerializer.Deserialize<RepeatRule>(v, RuleJson)!),
                JsonColumn.Comparer<RepeatRule>(RuleJson));
        builder.Property(s => s.FirstLocal).HasColumnType("timestamp without time zone");
        builder.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
