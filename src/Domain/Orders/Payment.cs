using TicketMaster.Common;

namespace TicketMaster.Orders;

/// <summary>
/// One attempt to charge a buyer for a hold, recorded before the processor is called and whatever its
/// outcome (ADR 0015): <c>Pending → Succeeded | Declined | Failed | ActionRequired</c>,
/// <c>ActionRequired → Succeeded | Declined | Failed</c>, <c>Succeeded → Fulfilled | Refunding</c>,
/// <c>Refunding → Refunded</c>. <see cref="NextCheckAt"/> is null exactly when the payment is final,
/// so "in limbo" is one indexed column.
/// </summary>
public sealed class Payment
{
    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public Guid HoldId { get; private set; }

    public int UserId { get; private set; }

    public Money Amount { get; private set; }

    public PaymentStatus Status { get; private set; }

    /// <summary>Which gateway took the charge, e.g. "simulated" or "stripe".</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The gateway's own id for the charge, once it has one.</summary>
    public string? ProviderReference { get; private set; }

    /// <summary>Sent to the gateway so a retried charge is never taken twice.</summary>
    public string IdempotencyKey { get; private set; } = "";

    /// <summary>
    /// SHA-256 of what was asked (the hold and the payment token, never the token itself), so a key
    /// sent again with a different request is told apart from a retry. Empty on rows older than it.
    /// </summary>
    public string RequestFingerprint { get; private set; } = "";

    public string? FailureReason { get; private set; }

    /// <summary>What the buyer's processor SDK needs to finish 3-D Secure, while the payment waits for it.</summary>
    public string? ClientSecret { get; private set; }

    /// <summary>
    /// When the reconciler should ask the processor about this attempt if it is still unsettled
    /// (pending, charged without an order, or waiting for the customer); null once it is final.
    /// The reconciler's claim moves it forward, which is its lease.
    /// </summary>
    public DateTime? NextCheckAt { get; private set; }

    /// <summary>The key the processor knows the attempt by: one per hold and buyer's key, so two holds never share a charge.</summary>
    public string ProcessorKey => ProcessorKeyOf(HoldId, IdempotencyKey);

    public static string ProcessorKeyOf(Guid holdId, string idempotencyKey) => $"{holdId:N}:{idempotencyKey}";

    /// <summary>The hold and the buyer's key inside a processor key, or null when it is not one of ours.</summary>
    public static (Guid HoldId, string IdempotencyKey)? ParseProcessorKey(string processorKey) =>
        processorKey.Length > 33 && processorKey[32] == ':' && Guid.TryParseExact(processorKey[..32], "N", out var holdId)
            ? (holdId, processorKey[33..])
            : null;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <param name="checkAt">When the reconciler takes over if the live request never settles it (the payment timeout).</param>
    public static Payment Start(Guid holdId, int userId, Money amount, string provider, string idempotencyKey, string paymentToken, DateTime now, DateTime checkAt) => new()
    {
        NextCheckAt = checkAt,
        RequestFingerprint = FingerprintOf(holdId, paymentToken),
        Id = Guid.CreateVersion7(now),
        HoldId = holdId,
        UserId = userId,
        Amount = amount,
        Provider = Guard.NotBlank(provider, nameof(provider), 32),
        IdempotencyKey = Guard.NotBlank(idempotencyKey, nameof(idempotencyKey), 100),
        Status = PaymentStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>True when this attempt was made for the same hold with the same payment token.</summary>
    public bool IsFor(Guid holdId, string paymentToken) =>
        HoldId == holdId && (RequestFingerprint.Length == 0 || RequestFingerprint == FingerprintOf(holdId, paymentToken));

    private static string FingerprintOf(Guid holdId, string paymentToken) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{holdId:N}\n{paymentToken}")));

    /// <summary>True while the processor may still change its answer: not yet told, or waiting for the customer.</summary>
    public bool IsOpen => Status is PaymentStatus.Pending or PaymentStatus.ActionRequired;

    /// <summary>The money was taken; the payment stays unsettled (<see cref="NextCheckAt"/>) until an order names it or it is refunded.</summary>
    /// <remarks>
    /// Also from <c>Failed</c>: an attempt given up on (timeout) whose charge the processor took after
    /// all. The money is taken either way, so it must end in an order or a refund like any other.
    /// </remarks>
    public void Succeed(string providerReference, DateTime now)
    {
        if (!IsOpen && Status != PaymentStatus.Failed)
        {
            throw new PaymentStateException(Id, Status, PaymentStatus.Succeeded);
        }

        ProviderReference = providerReference;
        Status = PaymentStatus.Succeeded;
        ClientSecret = null;
        FailureReason = null;
        NextCheckAt ??= now;
        UpdatedAt = now;
    }

    public void Decline(string reason, DateTime now) => Fail(PaymentStatus.Declined, reason, now);

    public void Error(string reason, DateTime now) => Fail(PaymentStatus.Failed, reason, now);

    /// <summary>The customer must authenticate; checked again at <paramref name="checkAt"/> if no notice comes first.</summary>
    public void RequireAction(string providerReference, string clientSecret, DateTime now, DateTime checkAt)
    {
        EnsureOpen(PaymentStatus.ActionRequired);
        ProviderReference = providerReference;
        ClientSecret = clientSecret;
        Status = PaymentStatus.ActionRequired;
        NextCheckAt = checkAt;
        UpdatedAt = now;
    }

    /// <summary>
    /// The money must go back (the hold was gone when it arrived). Recorded before the processor is
    /// asked, so a crash in between leaves a payment the reconciler finishes refunding, and conditional
    /// on <c>Succeeded</c>, so it can never race an order being made with it (that makes it Fulfilled).
    /// </summary>
    public void StartRefund(DateTime now, DateTime checkAt)
    {
        if (Status != PaymentStatus.Succeeded)
        {
            throw new PaymentStateException(Id, Status, PaymentStatus.Refunding);
        }

        Status = PaymentStatus.Refunding;
        NextCheckAt = checkAt;
        UpdatedAt = now;
    }

    /// <summary>Everything taken went back to the buyer: final.</summary>
    public void Refund(DateTime now)
    {
        if (Status != PaymentStatus.Refunding)
        {
            throw new PaymentStateException(Id, Status, PaymentStatus.Refunded);
        }

        Status = PaymentStatus.Refunded;
        NextCheckAt = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// The processor gave everything back on its own (a refund made in its dashboard) before an order
    /// named the payment: final, and no order can be made with it any more.
    /// </summary>
    public void RefundAtProcessor(string providerReference, DateTime now)
    {
        if (!IsOpen && Status is not (PaymentStatus.Succeeded or PaymentStatus.Failed))
        {
            throw new PaymentStateException(Id, Status, PaymentStatus.Refunded);
        }

        ProviderReference ??= providerReference;
        Status = PaymentStatus.Refunded;
        ClientSecret = null;
        NextCheckAt = null;
        UpdatedAt = now;
    }

    /// <summary>Not settled yet: ask again at <paramref name="at"/> (the reconciler's lease and back-off).</summary>
    public void CheckAgainAt(DateTime at) => NextCheckAt = at;

    private void Fail(PaymentStatus status, string reason, DateTime now)
    {
        EnsureOpen(status);
        Status = status;
        FailureReason = reason;
        ClientSecret = null;
        NextCheckAt = null;
        UpdatedAt = now;
    }

    private void EnsureOpen(PaymentStatus to)
    {
        if (!IsOpen)
        {
            throw new PaymentStateException(Id, Status, to);
        }
    }
}

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Declined,
    Failed,
    Refunded,

    /// <summary>The customer must authenticate (3-D Secure) before the processor decides.</summary>
    ActionRequired,

    /// <summary>An order names it: final.</summary>
    Fulfilled,

    /// <summary>The processor is being asked to give it all back.</summary>
    Refunding,
}

public sealed class PaymentStateException(Guid paymentId, PaymentStatus actual, PaymentStatus to)
    : DomainException($"Payment {paymentId} is {actual} and cannot become {to}.");
