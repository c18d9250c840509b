using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketMaster.Performers;

internal sealed class PerformerConfiguration : IEntityTypeConfiguration<Performer>
{
    public void Configure(EntityTypeBuilder<Performer> performer)
    {
        performer.Property(p => p.Name).HasMaxLength(200);
        performer.Property(p => p.Description).HasMaxLength(4000);
        performer.Property(p => p.Genre).HasMaxLength(50);
        performer.Property(p => p.ImageUrl).HasMaxLength(500);
        performer.HasIndex(p => p.Name);
        performer.HasIndex(p => p.Genre);
        performer.HasOne<TicketMaster.Users.User>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
