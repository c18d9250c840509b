using TicketMaster.Common;

namespace TicketMaster.Orders;

/// <summary>One attempt to charge a buyer for a hold, recorded whatever its outcome.</summary>
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

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Payment Start(Guid holdId, int userId, Money amount, string provider, string idempotencyKey, string paymentToken, DateTime now) => new()
    {
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

    public void Succeed(string providerReference, DateTime now)
    {
        EnsureStatus(PaymentStatus.Pending);
        ProviderReference = providerReference;
        Status = PaymentStatus.Succeeded;
        UpdatedAt = now;
    }

    public void Decline(string reason, DateTime now) => Fail(PaymentStatus.Declined, reason, now);

    public void Error(string reason, DateTime now) => Fail(PaymentStatus.Failed, reason, now);

    public void Refund(DateTime now)
    {
        EnsureStatus(PaymentStatus.Succeeded);
        Status = PaymentStatus.Refunded;
        UpdatedAt = now;
    }

    private void Fail(PaymentStatus status, string reason, DateTime now)
    {
        EnsureStatus(PaymentStatus.Pending);
        Status = status;
        FailureReason = reason;
        UpdatedAt = now;
    }

    private void EnsureStatus(PaymentStatus expected)
    {
        if (Status != expected)
        {
            throw new PaymentStateException(Id, Status, expected);
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
}

public sealed class PaymentStateException(Guid paymentId, PaymentStatus actual, PaymentStatus expected)
    : DomainException($"Payment {paymentId} is {actual}, not {expected}.");
