using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Payments;
using TicketMaster.Persistence;

namespace TicketMaster.Orders;

/// <summary>
/// Gives back the price of some or all of an order's tickets (an admin's or the event organizer's
/// decision): the processor refunds first, once per key, then the tickets are voided, the refund is
/// recorded and, unless told otherwise, the seats go back on sale (outbox: live seat maps, search).
/// The same tickets again change nothing; a crash between the processor and our write is repaired
/// by the retry, which asks the processor with the same key.
/// </summary>
public sealed class RefundOrder(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, IPaymentGateway gateway, TimeProvider clock, BookingOptions options)
{
    public async Task<Order> ExecuteAsync(Guid orderId, IReadOnlyCollection<Guid>? ticketIds, string reason, bool releaseSeats, CancellationToken cancellationToken)
    {
        reason = Guard.NotBlank(reason, nameof(reason), 500);
        var order = await LoadAsync(orderId, cancellationToken);

        // Decided on a copy: checks the ids, and prices the tickets still valid.
        var wanted = ticketIds is { Count: > 0 } ? ticketIds.Distinct().ToList() : order.Tickets.Select(t => t.Id).ToList();
        var (toRefund, amount) = order.RefundTickets(wanted);
        if (toRefund.Count == 0)
        {
            return await LoadAsync(orderId, cancellationToken);
        }

        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == order.PaymentId, cancellationToken);
        var refundedIds = toRefund.Select(t => t.Id).Order().ToList();
        var key = $"refund:{order.Id:N}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(',', refundedIds))))[..16]}";
        var answer = await gateway.RefundAsync(payment.ProviderReference!, amount, key, CancellationToken.None);
        if (answer is not RefundResult.Succeeded refunded)
        {
            throw new RefundFailedException(((RefundResult.Failed)answer).Reason);
        }

        var seatIds = toRefund.Select(t => t.SeatId).ToList();
        await BookingTransaction.RunAsync(db, store, publisher, async token =>
        {
            var seats = releaseSeats ? await store.LockAsync(db, order.EventId, seatIds, options.UnsafeSkipRowLocks, tracked: true, token) : [];
            var current = await db.Orders.Include(o => o.Tickets).SingleAsync(o => o.Id == orderId, token);
            if (current.RefundTickets(refundedIds).Refunded.Count == 0)
            {
                // A concurrent request with the same tickets recorded this refund.
                return 0;
            }

            db.Refunds.Add(Refund.Of(payment, order.Id, amount, reason, key, refunded.RefundReference, clock.GetUtcNow().UtcDateTime));
            if (seats.Count(seat => seat.ReturnToSale(order.Id, order.HoldId)) > 0)
            {
                (await db.Holds.SingleAsync(h => h.Id == order.HoldId, token)).ReturnSeatsToSale();
            }

            await db.SaveChangesAsync(token);
            return 1;
        }, cancellationToken);
        return await LoadAsync(orderId, cancellationToken);
    }

    private async Task<Order> LoadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new OrderNotFoundException(orderId);
    }
}
