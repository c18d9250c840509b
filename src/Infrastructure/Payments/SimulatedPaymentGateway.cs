using Microsoft.EntityFrameworkCore;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Payments;

/// <summary>
/// The default gateway: a stand-in for Stripe with Stripe-like test tokens and durable books of its
/// own (<see cref="SimulatedCharge"/>, <see cref="SimulatedRefund"/>), so that after a crash
/// <see cref="LookUpAsync"/> tells the truth, as a real processor would. The only fake in the product.
/// </summary>
/// <remarks>
/// Half of <see cref="Latency"/> passes before the charge is booked (the request travelling) and half
/// after (the answer travelling), so a process killed mid-charge leaves some attempts the processor
/// never saw and some it charged without the shop hearing of it: the two cases the reconciler repairs.
/// </remarks>
public sealed class SimulatedPaymentGateway(TimeProvider clock, Func<TicketMasterDbContext> books) : IPaymentGateway
{
    /// <summary>Declined: nothing is taken.</summary>
    public const string Declining = "tok_chargeDeclined";

    /// <summary>Charged, but the answer never comes: the call waits until the caller gives up.</summary>
    public const string TimingOut = "tok_timeout";

    /// <summary>Charged, but the caller gets an exception instead of the answer (a dropped connection).</summary>
    public const string AnswerLost = "tok_answerLost";

    /// <summary>The card needs 3-D Secure: the charge waits for the customer (<see cref="CompleteChallengeAsync"/>).</summary>
    public const string ThreeDSecureRequired = "tok_threeDSecureRequired";

    private const string Succeeded = "Succeeded";
    private const string Declined = "Declined";
    private const string RequiresAction = "RequiresAction";

    public string Name => "simulated";

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Latency / 2, clock, cancellationToken);
        var charge = await BookAsync(request, cancellationToken);
        switch (request.PaymentToken)
        {
            case TimingOut:
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                break;
            case AnswerLost:
                await Task.Delay(Latency / 2, clock, cancellationToken);
                throw new HttpRequestException("The connection to the payment processor was reset before its answer arrived.");
        }

        await Task.Delay(Latency / 2, clock, cancellationToken);
        return ResultOf(charge);
    }

    public async Task<ChargeResult?> LookUpAsync(string idempotencyKey, string? providerReference, CancellationToken cancellationToken)
    {
        await using var db = books();
        var charge = await db.Set<SimulatedCharge>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.IdempotencyKey == idempotencyKey || (providerReference != null && c.Reference == providerReference), cancellationToken);
        return charge is null ? null : ResultOf(charge);
    }

    public async Task<RefundResult> RefundAsync(string providerReference, Money amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        await Task.Delay(Latency, clock, cancellationToken);
        await using var db = books();
        if (await db.Set<SimulatedRefund>().AnyAsync(r => r.IdempotencyKey == idempotencyKey, cancellationToken))
        {
            return new RefundResult.Succeeded($"re_{idempotencyKey}");
        }

        var charge = await db.Set<SimulatedCharge>().AsNoTracking().SingleOrDefaultAsync(c => c.Reference == providerReference, cancellationToken);
        if (charge is not { Status: Succeeded })
        {
            return new RefundResult.Failed($"There is no succeeded charge {providerReference}.");
        }

        var refunded = await db.Set<SimulatedRefund>().Where(r => r.ChargeReference == providerReference).SumAsync(r => r.Amount, cancellationToken);
        if (refunded + amount.Amount > charge.Amount)
        {
            return new RefundResult.Failed($"Only {charge.Amount - refunded} of the charge is left to refund.");
        }

        db.Add(new SimulatedRefund { IdempotencyKey = idempotencyKey, ChargeReference = providerReference, Amount = amount.Amount, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key concurrently: refunded once, answered twice.
        }

        return new RefundResult.Succeeded($"re_{idempotencyKey}");
    }

    /// <summary>
    /// The customer finishes (or fails) the 3-D Secure challenge of the charge with this reference;
    /// returns the charge's new outcome, or null when there is no such charge waiting.
    /// </summary>
    public async Task<(string IdempotencyKey, ChargeResult Outcome)?> CompleteChallengeAsync(string providerReference, bool authenticated, CancellationToken cancellationToken)
    {
        await using var db = books();
        var charge = await db.Set<SimulatedCharge>().SingleOrDefaultAsync(c => c.Reference == providerReference && c.Status == RequiresAction, cancellationToken);
        if (charge is null)
        {
            return null;
        }

        charge.Status = authenticated ? Succeeded : Declined;
        await db.SaveChangesAsync(cancellationToken);
        return (charge.IdempotencyKey, ResultOf(charge));
    }

    /// <summary>Books the charge once per key; the same key again finds the first booking.</summary>
    private async Task<SimulatedCharge> BookAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        await using var db = books();
        var charges = db.Set<SimulatedCharge>();
        if (await charges.AsNoTracking().SingleOrDefaultAsync(c => c.IdempotencyKey == request.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var charge = new SimulatedCharge
        {
            IdempotencyKey = request.IdempotencyKey,
            Reference = $"ch_{Guid.NewGuid():N}",
            Status = request.PaymentToken switch
            {
                Declining => Declined,
                ThreeDSecureRequired => RequiresAction,
                _ => Succeeded,
            },
            Amount = request.Amount.Amount,
            Currency = request.Amount.Currency,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        charges.Add(charge);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return charge;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await charges.AsNoTracking().SingleAsync(c => c.IdempotencyKey == request.IdempotencyKey, cancellationToken);
        }
    }

    private static ChargeResult ResultOf(SimulatedCharge charge) => charge.Status switch
    {
        Succeeded => new ChargeResult.Succeeded(charge.Reference),
        Declined => new ChargeResult.Declined("Your card was declined."),
        _ => new ChargeResult.ActionRequired(charge.Reference, $"{charge.Reference}_secret_simulated"),
    };
}
