using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Live;
using TicketMaster.Persistence;

namespace TicketMaster.Payments;

/// <summary>Tells the buyer's reservation feed that the payment for a hold went back (REFUNDED), after the refund is recorded.</summary>
internal static class RefundNotice
{
    public static async Task PublishAsync(TicketMasterDbContext db, IAvailabilityPublisher publisher, Guid holdId, Money amount)
    {
        var hold = await db.Holds.AsNoTracking().SingleAsync(h => h.Id == holdId, CancellationToken.None);
        await publisher.PublishHoldAsync(new HoldChange(hold.Id, hold.UserId, hold.EventId, hold.Status, hold.ExpiresAt, 0, amount), CancellationToken.None);
    }
}
