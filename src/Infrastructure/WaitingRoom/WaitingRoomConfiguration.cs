using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketMaster.Events;

namespace TicketMaster.WaitingRoom;

internal sealed class WaitingRoomConfiguration : IEntityTypeConfiguration<WaitingRoomSettings>
{
    public void Configure(EntityTypeBuilder<WaitingRoomSettings> room)
    {
        room.ToTable("waiting_rooms");
        room.HasKey(r => r.EventId);
        room.Property(r => r.EventId).ValueGeneratedNever();
        room.HasOne<Event>().WithOne().HasForeignKey<WaitingRoomSettings>(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
