using Microsoft.EntityFrameworkCore;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// Turns a hold into an order: check the hold, record the payment attempt, charge the buyer with no
/// row lock held, then settle the attempt (<see cref="SettlePayment"/>) exactly as a webhook or the
/// reconciler would: the order, or a refund when the hold ended meanwhile, or the decline.
/// The same key again answers the attempt's final outcome, settling it first if its request died.
/// </summary>
public sealed class ConfirmReservation(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, IPaymentGateway gateway, TimeProvider clock, BookingOptions options)
{
    public async Task<Order> ExecuteAsync(int userId, Guid holdId, string paymentToken, string idempotencyKey, CancellationToken cancellationToken)
    {
        var hold = await CompiledBookingQueries.HoldWithSeatsAsync(db, holdId, cancellationToken) ?? throw new ReservationNotFoundException(holdId);
        if (hold.UserId != userId)
        {
            throw new NotYourReservationException(holdId);
        }

        var settle = new SettlePayment(db, store, publisher, gateway, clock, options);
        var payment = await ExistingAttemptAsync(hold, paymentToken, idempotencyKey, cancellationToken);
        var started = false;
        if (payment is null)
        {
            hold.EnsureConfirmableBy(userId, clock.GetUtcNow().UtcDateTime);
            await EnsureEventTakesPaymentAsync(hold.EventId, cancellationToken);
            (payment, started) = await StartAsync(hold, paymentToken, idempotencyKey, cancellationToken);
        }

        if (started)
        {
            payment = await ChargeAsync(settle, payment, paymentToken, cancellationToken);
        }
        else if (payment.Status is PaymentStatus.Succeeded or PaymentStatus.Refunding
            || (payment.IsOpen && payment.NextCheckAt <= clock.GetUtcNow().UtcDateTime))
        {
            // The request that made this attempt died or gave up before settling it: settle it now,
            // as the reconciler would, so the retry answers the outcome rather than "in progress".
            payment = await settle.ReconcileAsync(payment.Id, cancellationToken);
        }

        return await AnswerAsync(payment, cancellationToken);
    }

    /// <summary>
    /// No charge for a paused or cancelled event. A cancellation racing past this check is caught by
    /// <see cref="FinishOrder"/>, which reads the status again under the seats' locks and has the charge refunded.
    /// </summary>
    private async Task EnsureEventTakesPaymentAsync(int eventId, CancellationToken cancellationToken)
    {
        var status = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.Status).SingleAsync(cancellationToken);
        if (!Events.Event.TakesPaymentIn(status))
        {
            throw new SalesStoppedException(eventId, status);
        }
    }

    /// <summary>Records the attempt before the processor hears of it, so a crash leaves a row to reconcile.</summary>
    private async Task<(Payment Payment, bool Started)> StartAsync(Hold hold, string paymentToken, string idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        var payment = Payment.Start(hold.Id, hold.UserId, hold.Total, gateway.Name, idempotencyKey, paymentToken, now, now + options.PaymentTimeout);
        db.Payments.Add(payment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (payment, true);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key recorded its attempt first.
            db.ChangeTracker.Clear();
            return (await ExistingAttemptAsync(hold, paymentToken, idempotencyKey, cancellationToken) ?? throw new ConfirmationInProgressException(hold.Id), false);
        }
    }

    /// <summary>Charges outside any transaction; an answer that never comes is looked up by the attempt's key.</summary>
    private async Task<Payment> ChargeAsync(SettlePayment settle, Payment payment, string paymentToken, CancellationToken cancellationToken)
    {
        ChargeResult outcome;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.PaymentTimeout);
            outcome = await gateway.ChargeAsync(new ChargeRequest(paymentToken, payment.Amount, payment.ProcessorKey, $"Reservation {payment.HoldId}"), timeout.Token);
        }
        catch (Exception lost) when (lost is PaymentOutcomeUnknownException or HttpRequestException or TimeoutException || (lost is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer (a timeout, a dropped connection, an adapter's lost answer): whether money was taken is the processor's
            // to say. If it cannot say either, the attempt stays pending for the reconciler.
            try
            {
                return await settle.ReconcileAsync(payment.Id, cancellationToken);
            }
            catch (Exception unknown) when (unknown is PaymentOutcomeUnknownException or HttpRequestException or TimeoutException || (unknown is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new PaymentPendingException(payment.HoldId);
            }
        }

        return await settle.SettleAsync(payment.Id, outcome, cancellationToken);
    }

    /// <summary>What the buyer is told: the order, or why there is none, from the attempt's state.</summary>
    private async Task<Order> AnswerAsync(Payment payment, CancellationToken cancellationToken) => payment.Status switch
    {
        PaymentStatus.Fulfilled => await db.Orders.AsNoTracking().Include(o => o.Tickets).SingleAsync(o => o.PaymentId == payment.Id, cancellationToken),
        PaymentStatus.Refunding or PaymentStatus.Refunded => throw new PaymentRefundedException(payment.HoldId, payment.Amount),
        PaymentStatus.Declined => throw new PaymentDeclinedException(payment.FailureReason ?? "declined"),
        PaymentStatus.Failed => throw new PaymentFailedException(payment.FailureReason ?? "failed"),
        PaymentStatus.ActionRequired => throw new PaymentActionRequiredException(payment.HoldId, payment.ClientSecret ?? ""),
        PaymentStatus.Pending when payment.NextCheckAt > clock.GetUtcNow().UtcDateTime => throw new ConfirmationInProgressException(payment.HoldId),
        _ => throw new PaymentPendingException(payment.HoldId),
    };

    /// <summary>An earlier attempt with this key, which must have been the same request.</summary>
    private async Task<Payment?> ExistingAttemptAsync(Hold hold, string paymentToken, string idempotencyKey, CancellationToken cancellationToken)
    {
        var earlier = await CompiledBookingQueries.PaymentByKeyAsync(db, gateway.Name, idempotencyKey, cancellationToken);
        return earlier is not null && !earlier.IsFor(hold.Id, paymentToken) ? throw new IdempotencyKeyReusedException(idempotencyKey) : earlier;
    }
}
