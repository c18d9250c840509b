namespace TicketMaster.Payments;

/// <summary>
/// The processor may or may not have acted: the request left, but no answer we can trust came back
/// (a dropped connection, a timeout, a 5xx). Never a decline: money may have been taken. The caller
/// keeps the attempt pending and asks <see cref="IPaymentGateway.LookUpAsync"/> later (the reconciler).
/// </summary>
public sealed class PaymentOutcomeUnknownException(string gateway, string idempotencyKey, Exception innerException)
    : Exception($"The {gateway} payment processor's answer to the attempt '{idempotencyKey}' was lost; look it up before acting on it.", innerException)
{
    public string Gateway { get; } = gateway;

    public string IdempotencyKey { get; } = idempotencyKey;
}
