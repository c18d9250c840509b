using Microsoft.EntityFrameworkCore;
using TicketMaster.Notifications;
using TicketMaster.Persistence;

namespace TicketMaster.OrganizerWebhooks;

/// <summary>Removes an endpoint and the deliveries still waiting for it; sent ones go with it.</summary>
public sealed class RemoveWebhookEndpoint(TicketMasterDbContext db)
{
    public async Task<Guid> ExecuteAsync(int callerId, bool isAdmin, Guid endpointId, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId && (isAdmin || e.OwnerId == callerId), cancellationToken)
            ?? throw new WebhookEndpointNotFoundException(endpointId);
        var prefix = $"{endpoint.Id:N}:";
        await db.Notifications.Where(n => n.Channel == NotificationChannel.Webhook && n.Subject.StartsWith(prefix)).ExecuteDeleteAsync(cancellationToken);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return endpoint.Id;
    }
}
