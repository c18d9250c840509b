using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Persistence;

namespace TicketMaster.Payments;

/// <summary>
/// Finds payments nobody settled (their request died, the answer was lost, the customer is still
/// authenticating, a refund did not go through), asks the processor about each by its key and settles
/// it (ADR 0015). Safe with several instances at once: each claims its own rows.
/// </summary>
public sealed class ReconcilePayments(
    IDbContextFactory<TicketMasterDbContext> contexts, IPaymentClaims claims, IBookingStore store, IAvailabilityPublisher publisher,
    IPaymentGateway gateway, TimeProvider clock, BookingOptions options)
{
    /// <summary>One batch: claims, then settles the claimed payments a few at a time, each on a context of its own.</summary>
    public async Task<ReconcileRun> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<Guid> claimed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            claimed = await claims.ClaimAsync(db, now, now + options.PaymentTimeout, options.ReconcileBatchSize, cancellationToken);
        }

        var settled = 0;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.ReconcileParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(claimed, parallel, async (paymentId, token) =>
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            try
            {
                var payment = await new SettlePayment(db, store, publisher, gateway, clock, options).ReconcileAsync(paymentId, token);
                if (payment.NextCheckAt is null)
                {
                    Interlocked.Increment(ref settled);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // Its lease runs out and a later run tries again; the caller logs what went wrong.
                errors.Enqueue(error);
            }
        });

        return new ReconcileRun(claimed.Count, settled, [.. errors]);
    }

    /// <summary>How many payments are not final, and since when the oldest of them was started.</summary>
    public static async Task<PaymentBacklog> BacklogAsync(TicketMasterDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var open = db.Payments.Where(p => p.NextCheckAt != null);
        var count = await open.CountAsync(cancellationToken);
        var oldest = count == 0 ? (DateTime?)null : await open.MinAsync(p => (DateTime?)p.CreatedAt, cancellationToken);
        return new PaymentBacklog(count, oldest is { } started ? now - started : TimeSpan.Zero);
    }
}

/// <summary>What one reconciler run did: payments claimed, how many it brought to a final state, and what failed.</summary>
public sealed record ReconcileRun(int Claimed, int Settled, IReadOnlyList<Exception> Errors);

/// <summary>Payments in limbo (not final) and the age of the oldest.</summary>
public sealed record PaymentBacklog(int InLimbo, TimeSpan OldestAge);
