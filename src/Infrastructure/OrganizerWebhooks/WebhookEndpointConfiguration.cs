using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketMaster.Events;
using TicketMaster.Users;

namespace TicketMaster.OrganizerWebhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> endpoint)
    {
        endpoint.Property(e => e.Id).ValueGeneratedNever();
        endpoint.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        endpoint.Property(e => e.Secret).HasMaxLength(64);
        endpoint.Property(e => e.EventTypes).HasMaxLength(200);
        endpoint.Ignore(e => e.Subscribed);

        // The planner's look-up per outbox row, and an organizer's own list.
        endpoint.HasIndex(e => e.EventId);
        endpoint.HasIndex(e => new { e.OwnerId, e.CreatedAt });
        endpoint.HasOne<Event>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Cascade);
        endpoint.HasOne<User>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
