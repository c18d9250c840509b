using TicketMaster.Common;

namespace TicketMaster.Orders;

/// <summary>
/// Money given back on a payment, as the processor confirmed it: a whole payment whose hold was gone
/// when the charge arrived, or some or all of an order's tickets. Money taken minus these equals the
/// price of the valid tickets (ADR 0015's ledger).
/// </summary>
public sealed class Refund
{
    private Refund()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaymentId { get; private set; }

    /// <summary>The order refunded, or null when the payment never became one.</summary>
    public Guid? OrderId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>Why, in words for the buyer.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Unique: the key the processor was asked with, so one refund is recorded once however often it is retried.</summary>
    public string IdempotencyKey { get; private set; } = "";

    public string ProviderReference { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Refund Of(Payment payment, Guid? orderId, Money amount, string reason, string idempotencyKey, string providerReference, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PaymentId = payment.Id,
        OrderId = orderId,
        Amount = amount,
        Reason = Guard.NotBlank(reason, nameof(reason), 500),
        IdempotencyKey = idempotencyKey,
        ProviderReference = providerReference,
        CreatedAt = now,
    };
}
