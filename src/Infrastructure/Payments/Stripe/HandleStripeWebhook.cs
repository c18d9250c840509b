using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Payments.Stripe;

/// <summary>
/// One verified webhook delivery (<see cref="StripeWebhookReader"/>): skip an event already handled, hand the notice on, remember the
/// event. It is remembered only after the notice was handled, so a crash in between makes Stripe
/// deliver it again, which <see cref="IPaymentNotices"/> settles idempotently.
/// </summary>
public sealed class HandleStripeWebhook(TicketMasterDbContext db, IPaymentNotices notices, TimeProvider clock)
{
    public async Task<StripeWebhookOutcome> ExecuteAsync(StripeWebhookMessage message, CancellationToken cancellationToken)
    {
        var processed = db.Set<ProcessedStripeEvent>();
        if (await processed.AnyAsync(e => e.Id == message.EventId, cancellationToken))
        {
            return StripeWebhookOutcome.AlreadyHandled;
        }

        if (message.Notice is { } notice)
        {
            await notices.HandleAsync(notice, cancellationToken);
        }

        processed.Add(new ProcessedStripeEvent(message.EventId, message.Type, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once: the other delivery recorded it first.
            return StripeWebhookOutcome.AlreadyHandled;
        }

        return message.Notice is null ? StripeWebhookOutcome.Ignored : StripeWebhookOutcome.Handled;
    }
}

public enum StripeWebhookOutcome
{
    /// <summary>A replay or a redelivery: acknowledged, nothing changed.</summary>
    AlreadyHandled,

    /// <summary>An event type that settles nothing.</summary>
    Ignored,

    Handled,
}
