using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>
/// Finishes what a cancellation owes buyers: every hold on a cancelled event released, every order
/// with valid tickets refunded in full through <see cref="RefundOrder"/> (tickets become REFUNDED).
/// No "refund due" mark is stored: a cancelled event with a valid ticket is the mark, so a run that
/// dies half-way leaves exactly the unfinished orders for the next run, and RefundOrder's per-ticket-set
/// key means the processor never refunds the same tickets twice.
/// </summary>
public sealed class RefundCancelledEvents(TicketMasterDbContext db, RefundOrder refundOrder, ReleaseReservation releaseReservation)
{
    /// <summary>The reason each refund records.</summary>
    public const string Reason = "The event was cancelled by its organizer.";

    /// <summary>Works through up to <paramref name="batchSize"/> orders and holds (of one event, or of all cancelled ones); the number done.</summary>
    public async Task<int> ExecuteAsync(int? eventId, int batchSize, CancellationToken cancellationToken)
    {
        var cancelled = db.Events.Where(e => e.Status == EventStatus.Cancelled && (eventId == null || e.Id == eventId)).Select(e => e.Id);
        var holds = await db.Holds.AsNoTracking()
            .Where(h => h.Status == HoldStatus.Active && cancelled.Contains(h.EventId))
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.UserId }).Take(batchSize).ToListAsync(cancellationToken);
        foreach (var hold in holds)
        {
            try
            {
                await releaseReservation.ExecuteAsync(hold.UserId, hold.Id, cancellationToken);
            }
            catch (ReservationNotActiveException)
            {
                // Confirmed or expired meanwhile: a confirmed one is an order, refunded below or on the next run.
            }
        }

        var orders = await db.Orders.AsNoTracking()
            .Where(o => cancelled.Contains(o.EventId) && o.Tickets.Any(t => t.Status == TicketStatus.Valid))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(batchSize).ToListAsync(cancellationToken);
        foreach (var orderId in orders)
        {
            // Seats stay off sale: the event is not going to happen.
            await refundOrder.ExecuteAsync(orderId, null, Reason, releaseSeats: false, cancellationToken);
        }

        return holds.Count + orders.Count;
    }
}
