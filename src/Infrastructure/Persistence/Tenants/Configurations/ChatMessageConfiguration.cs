using BrandAutomator.Domain.Ai;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("chat_messages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Author).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Provider).HasMaxLength(40);
        builder.Property(m => m.Model).HasMaxLength(120);
        builder.Ignore(m => m.Citations);
        builder.Property<List<ChatCitation>>("_citations").HasColumnName("citations").HasColumnType("jsonb")
            .HasConversion(JsonColumn.Of<List<ChatCitation>>(), JsonColumn.Comparer<List<ChatCitation>>());
        builder.HasOne<ChatSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.SessionId, m.CreatedAt });
    }
}
