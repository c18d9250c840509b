using Microsoft.EntityFrameworkCore;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// The one rule for turning the hold a succeeded payment paid for into its order, whoever learns of
/// the payment first: the live confirmation, a processor's notice or the reconciler. Same locks and
/// checks for all: under the seats' row locks, the seats still held for the hold prove it stands.
/// </summary>
public sealed class FinishOrder(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, TimeProvider clock, BookingOptions options)
{
    /// <summary>
    /// The order the payment paid for (made now, or by an earlier settler), or null when the hold no
    /// longer stands for it: released, expired and its seats freed, confirmed with another payment, or its
    /// event paused or cancelled meanwhile.
    /// A null is final (a hold never regains its seats), so the payment must be refunded.
    /// </summary>
    public Task<Order?> ExecuteAsync(Payment payment, CancellationToken cancellationToken) =>
        BookingTransaction.RunAsync(db, store, publisher, async token =>
        {
            var hold = await CompiledBookingQueries.HoldWithSeatsAsync(db, payment.HoldId, token) ?? throw new ReservationNotFoundException(payment.HoldId);
            var seatIds = hold.Seats.Select(s => s.SeatId).ToList();
            var seats = await store.LockAsync(db, hold.EventId, seatIds, options.UnsafeSkipRowLocks, tracked: false, token);
            if (hold.Status != HoldStatus.Active || seats.Count != seatIds.Count || seats.Any(seat => seat.Status != SeatStatus.Held || seat.HoldId != hold.Id))
            {
                // Under the locks an order for the hold, if there is one, is committed and visible.
                var existing = await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleOrDefaultAsync(o => o.HoldId == hold.Id, token);
                return existing?.PaymentId == payment.Id ? existing : null;
            }

            // Paused or cancelled since the charge began: no order, so the settler refunds the payment. Read
            // under the seats' locks, so a cancellation committed before them is seen; one committed after
            // finds this order among the paid ones it refunds.
            if (!Events.Event.TakesPaymentIn(await db.Events.AsNoTracking().Where(e => e.Id == hold.EventId).Select(e => e.Status).SingleAsync(token)))
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            hold.ConfirmPaid();
            var order = Order.FromHold(hold, seats, hold.Total.Currency, payment.Id, now);
            seats.ForEach(seat => seat.Sell(hold.Id, order.Id));
            await store.InsertOrderAsync(db, hold, order, seats, token);

            // Conditional on Succeeded: a settler that began refunding this payment (Refunding) wins,
            // and the order rolls back with the seats still held, instead of an order whose money went back.
            var fulfilled = await db.Payments.Where(p => p.Id == payment.Id && p.Status == PaymentStatus.Succeeded)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.Status, PaymentStatus.Fulfilled)
                    .SetProperty(p => p.NextCheckAt, (DateTime?)null)
                    .SetProperty(p => p.UpdatedAt, now), token);
            if (fulfilled == 0)
            {
                throw new PaymentStateException(payment.Id, PaymentStatus.Refunding, PaymentStatus.Fulfilled);
            }

            return order;
        }, cancellationToken);
}
