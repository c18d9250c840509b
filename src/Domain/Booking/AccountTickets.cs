using Microsoft.EntityFrameworkCore;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// What counts against an event's per-account limit, written once: seats in the account's running
/// holds plus its valid tickets (refunded or cancelled ones free the allowance again).
/// </summary>
internal static class AccountTickets
{
    public static async Task<int> HeldOrBoughtAsync(TicketMasterDbContext db, int eventId, int userId, DateTime now, CancellationToken cancellationToken)
    {
        var held = await db.Holds.AsNoTracking()
            .Where(h => h.UserId == userId && h.EventId == eventId).Where(Hold.IsActive.At(now))
            .SelectMany(h => h.Seats)
            .CountAsync(cancellationToken);
        var bought = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == eventId && t.Status == TicketStatus.Valid && db.Orders.Any(o => o.Id == t.OrderId && o.UserId == userId))
            .CountAsync(cancellationToken);
        return held + bought;
    }
}
