using Microsoft.AspNetCore.Http.Features;
using TicketMaster.Payments;
using TicketMaster.Payments.Stripe;

namespace TicketMaster.Api.Webhooks;

/// <summary>
/// <c>POST /webhooks/stripe</c>: where the Stripe dashboard (or <c>stripe listen --forward-to</c>) sends
/// payment events. Stripe retries anything but a 2xx for days, so the status codes are the contract:
/// 200 handled or already handled, 400 not signed by our secret (never retried into success), 413 too large,
/// 404 Stripe is not the provider, 503 nothing can settle payments yet (Stripe delivers it again later).
/// </summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/webhooks/stripe";

    /// <summary>Stripe's events are a few kilobytes; the endpoint is open to anyone, so bodies stay small.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static WebApplication MapStripeWebhook(this WebApplication app)
    {
        // Open to anyone by design: the signature, not a caller's identity, is what authenticates Stripe.
        app.MapPost(Path, HandleAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<StripeWebhookReader>() is not { } reader)
        {
            return Results.NotFound(new { error = "Stripe is not the payment provider here (Payments:Provider)." });
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        // The signature covers the exact bytes Stripe sent, so the body is read raw, never re-serialized.
        using var body = new StreamReader(request.Body);
        var json = await body.ReadToEndAsync(cancellationToken);
        var signature = request.Headers["Stripe-Signature"].ToString();
        if (reader.Read(json, signature) is not { } message)
        {
            return Results.BadRequest(new { error = "The Stripe-Signature header does not match this body and the endpoint's signing secret, or it is too old." });
        }

        if (services.GetService<IPaymentNotices>() is not { } notices)
        {
            return Results.Json(new { error = "Payments cannot be settled yet; Stripe will deliver this event again." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var outcome = await ActivatorUtilities.CreateInstance<HandleStripeWebhook>(services, notices).ExecuteAsync(message, cancellationToken);
        return Results.Ok(new { received = true, outcome = outcome.ToString() });
    }
}
