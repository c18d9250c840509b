using Stripe;
using TicketMaster.Common;

namespace TicketMaster.Payments.Stripe;

/// <summary>
/// The payment port on Stripe's PaymentIntents: created and confirmed in one call under the attempt's
/// idempotency key (Stripe's <c>Idempotency-Key</c>), so a retry answers the first outcome and never
/// charges twice. Transport faults become <see cref="PaymentOutcomeUnknownException"/>: only
/// <see cref="LookUpAsync"/> can then say what happened.
/// </summary>
public sealed class StripePaymentGateway(IStripeClient client) : IPaymentGateway
{
    public const string GatewayName = "stripe";

    public string Name => GatewayName;

    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var options = new PaymentIntentCreateOptions
        {
            Amount = StripeAmounts.ToMinorUnits(request.Amount),
            Currency = request.Amount.Currency.ToLowerInvariant(),
            Confirm = true,
            // No redirect-based methods, so no return_url is needed; 3-D Secure runs in the client's Stripe SDK.
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Description = request.Description,
            Metadata = new Dictionary<string, string> { [StripeOutcomes.IdempotencyKeyMetadata] = request.IdempotencyKey },
        };
        UsePaymentToken(options, request.PaymentToken);
        try
        {
            var intent = await new PaymentIntentService(client).CreateAsync(options, Keyed(request.IdempotencyKey), cancellationToken);
            return StripeOutcomes.Of(intent);
        }
        catch (StripeException declined) when (IsDecline(declined))
        {
            // A card error still leaves the intent (requires_payment_method) behind; nothing was taken.
            return new ChargeResult.Declined(declined.StripeError?.Message ?? declined.Message);
        }
        catch (Exception fault) when (IsTransportFault(fault, cancellationToken))
        {
            throw new PaymentOutcomeUnknownException(Name, request.IdempotencyKey, fault);
        }
    }

    public async Task<ChargeResult?> LookUpAsync(string idempotencyKey, string? providerReference, CancellationToken cancellationToken)
    {
        var intents = new PaymentIntentService(client);
        try
        {
            if (providerReference is not null)
            {
                return StripeOutcomes.Of(await intents.GetAsync(providerReference, cancellationToken: cancellationToken));
            }

            // Stripe's search lags writes by up to a minute: a miss soon after the attempt means "ask again",
            // which is why the reconciler only looks up attempts older than the payment timeout.
            var found = await intents.SearchAsync(
                new PaymentIntentSearchOptions { Query = $"metadata['{StripeOutcomes.IdempotencyKeyMetadata}']:'{Quoted(idempotencyKey)}'", Limit = 1 },
                cancellationToken: cancellationToken);
            return found.Data.FirstOrDefault() is { } intent ? StripeOutcomes.Of(intent) : null;
        }
        catch (StripeException missing) when (missing.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception fault) when (IsTransportFault(fault, cancellationToken))
        {
            throw new PaymentOutcomeUnknownException(Name, idempotencyKey, fault);
        }
    }

    public async Task<RefundResult> RefundAsync(string providerReference, Money amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        var options = new RefundCreateOptions { PaymentIntent = providerReference, Amount = StripeAmounts.ToMinorUnits(amount) };
        try
        {
            var refund = await new RefundService(client).CreateAsync(options, Keyed(idempotencyKey), cancellationToken);
            return refund.Status is "failed" or "canceled"
                ? new RefundResult.Failed(refund.FailureReason ?? $"The refund was {refund.Status}.")
                : new RefundResult.Succeeded(refund.Id);
        }
        catch (StripeException refused) when (IsDecline(refused))
        {
            // e.g. charge_already_refunded, or more than is left: Stripe gave nothing back.
            return new RefundResult.Failed(refused.StripeError?.Message ?? refused.Message);
        }
        catch (Exception fault) when (IsTransportFault(fault, cancellationToken))
        {
            throw new PaymentOutcomeUnknownException(Name, idempotencyKey, fault);
        }
    }

    /// <summary>
    /// A <c>pm_…</c> is a PaymentMethod (what Stripe's client SDKs create); a <c>tok_…</c> is a card token,
    /// which a PaymentIntent takes as payment method data.
    /// </summary>
    private static void UsePaymentToken(PaymentIntentCreateOptions options, string token)
    {
        if (token.StartsWith("tok_", StringComparison.Ordinal))
        {
            options.PaymentMethodData = new PaymentIntentPaymentMethodDataOptions { Type = "card" };
            options.AddExtraParam("payment_method_data[card][token]", token);
        }
        else
        {
            options.PaymentMethod = token;
        }
    }

    private static RequestOptions Keyed(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    /// <summary>Stripe answered and said no (card or request error): certainly nothing was taken.</summary>
    private static bool IsDecline(StripeException exception) =>
        exception.StripeError?.Type is "card_error" or "invalid_request_error"
        && (int)exception.HttpStatusCode is >= 400 and < 500 and not 409 and not 429;

    /// <summary>
    /// No trustworthy answer: the connection failed, the request timed out (not the caller's own
    /// cancellation), or Stripe failed or was busy (5xx, 409 "request in progress", 429).
    /// </summary>
    private static bool IsTransportFault(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException => true,
        StripeException stripe => !IsDecline(stripe) && stripe.StripeError?.Type is not "authentication_error" and not "permission_error",
        _ => false,
    };

    private static string Quoted(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
