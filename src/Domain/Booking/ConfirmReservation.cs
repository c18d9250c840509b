using Microsoft.EntityFrameworkCore;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// Turns a hold into an order: check the hold, charge the buyer with no row lock held, then lock
/// the seats and finalize. A charge that succeeds for a hold that meanwhile expired, was
/// released or was confirmed by a racing request is refunded.
/// </summary>
public sealed class ConfirmReservation(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, IPaymentGateway gateway, TimeProvider clock, BookingOptions options)
{
    public async Task<Order> ExecuteAsync(int userId, Guid holdId, string paymentToken, string idempotencyKey, CancellationToken cancellationToken)
    {
        var hold = await HoldWithSeatsAsync(holdId, cancellationToken) ?? throw new ReservationNotFoundException(holdId);
        // The same request again (a retry after a lost response): the first result, no second charge.
        // The key's earlier attempt decides: another request under this key is refused.
        if (hold.Status == HoldStatus.Confirmed && hold.UserId == userId
            && await ExistingAttemptAsync(hold, paymentToken, idempotencyKey, cancellationToken) is not null
            && await OrderPaidWithAsync(hold.Id, idempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        hold.EnsureConfirmableBy(userId, clock.GetUtcNow().UtcDateTime);
        var seatIds = hold.Seats.Select(s => s.SeatId).ToList();
        var (payment, chargedNow) = await ChargeAsync(hold, hold.Total, paymentToken, idempotencyKey, cancellationToken);

        var attempts = 0;
        try
        {
            return await BookingTransaction.RunAsync(db, store, publisher, async token =>
            {
                var now = clock.GetUtcNow().UtcDateTime;

                // A retried attempt (deadlock) starts from a fresh copy: the first one confirmed its copy.
                var current = attempts++ == 0 ? hold : await HoldWithSeatsAsync(holdId, token) ?? throw new ReservationNotFoundException(holdId);
                var seats = await store.LockAsync(db, hold.EventId, seatIds, options.UnsafeSkipRowLocks, tracked: false, token);

                // Under the seats' locks, the seats say whether the hold still stands: releasing,
                // expiring and confirming all change them in the same transaction as the hold. So the
                // hold read before the charge is current if they are still held for it.
                if (seats.Count != seatIds.Count || seats.Any(seat => seat.Status != SeatStatus.Held || seat.HoldId != holdId))
                {
                    throw new ReservationExpiredException(holdId);
                }

                current.Confirm(userId, now);
                var order = Order.FromHold(current, seats, hold.Total.Currency, payment.Id, now);
                seats.ForEach(seat => seat.Sell(holdId, order.Id));
                await store.InsertOrderAsync(db, current, order, seats, token);
                return order;
            }, cancellationToken);
        }
        catch (DomainException)
        {
            // A concurrent request with the same key may have finished the order with this very
            // payment: that order is the answer, and nothing must be refunded.
            if (await OrderPaidWithAsync(hold.Id, idempotencyKey, CancellationToken.None) is { } finished)
            {
                return finished;
            }

            // Only money this request took goes back; an earlier attempt's charge is that attempt's.
            if (chargedNow)
            {
                await RefundAsync(payment.Id);
            }

            throw;
        }
    }

    /// <summary>Records the attempt, charges outside any transaction, records the outcome.</summary>
    private async Task<(Payment Payment, bool ChargedNow)> ChargeAsync(Hold hold, Money amount, string paymentToken, string idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        if (await ExistingAttemptAsync(hold, paymentToken, idempotencyKey, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var payment = Payment.Start(hold.Id, hold.UserId, amount, gateway.Name, idempotencyKey, paymentToken, now);
        db.Payments.Add(payment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key recorded its attempt first.
            db.ChangeTracker.Clear();
            return (await ExistingAttemptAsync(hold, paymentToken, idempotencyKey, cancellationToken) ?? throw new ConfirmationInProgressException(hold.Id), false);
        }

        ChargeResult result;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(options.PaymentTimeout);
            try
            {
                result = await gateway.ChargeAsync(new ChargeRequest(paymentToken, amount, $"{hold.Id:N}:{idempotencyKey}", $"Reservation {hold.Id}"), timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                payment.Error($"The payment processor did not answer within {options.PaymentTimeout.TotalSeconds:0} s.", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(CancellationToken.None);
                throw new PaymentFailedException(payment.FailureReason!);
            }
        }

        switch (result)
        {
            case ChargeResult.Succeeded succeeded:
                payment.Succeed(succeeded.ProviderReference, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                return (payment, true);
            case ChargeResult.Declined declined:
                payment.Decline(declined.Reason, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                throw new PaymentDeclinedException(declined.Reason);
            default:
                throw new InvalidOperationException($"Unknown charge result {result}.");
        }
    }

    /// <summary>
    /// An earlier attempt with this key: its outcome stands. A success is finalized (the earlier
    /// request may have died after charging); a decline is declined again; a pending one is in flight.
    /// </summary>
    private async Task<Payment?> ExistingAttemptAsync(Hold hold, string paymentToken, string idempotencyKey, CancellationToken cancellationToken)
    {
        var earlier = await CompiledBookingQueries.PaymentByKeyAsync(db, gateway.Name, idempotencyKey, cancellationToken);
        return earlier switch
        {
            null => null,
            _ when !earlier.IsFor(hold.Id, paymentToken) => throw new IdempotencyKeyReusedException(idempotencyKey),
            { Status: PaymentStatus.Succeeded } => earlier,
            { Status: PaymentStatus.Declined } => throw new PaymentDeclinedException(earlier.FailureReason ?? "declined"),
            { Status: PaymentStatus.Failed } => throw new PaymentFailedException(earlier.FailureReason ?? "failed"),
            { Status: PaymentStatus.Pending } => throw new ConfirmationInProgressException(hold.Id),
            _ => throw new ReservationNotActiveException(hold.Id, hold.Status),
        };
    }

    private async Task RefundAsync(Guid paymentId)
    {
        // Not cancellable: once we know the money must go back, it goes back.
        db.ChangeTracker.Clear();
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, CancellationToken.None);
        await gateway.RefundAsync(payment.ProviderReference!, payment.Amount, $"refund:{payment.Id:N}", CancellationToken.None);
        payment.Refund(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<Order?> OrderPaidWithAsync(Guid holdId, string idempotencyKey, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking().Include(o => o.Tickets)
            .Where(o => o.HoldId == holdId && db.Payments.Any(p => p.Id == o.PaymentId && p.IdempotencyKey == idempotencyKey))
            .SingleOrDefaultAsync(cancellationToken);

    private Task<Hold?> HoldWithSeatsAsync(Guid holdId, CancellationToken cancellationToken) =>
        CompiledBookingQueries.HoldWithSeatsAsync(db, holdId, cancellationToken);
}
