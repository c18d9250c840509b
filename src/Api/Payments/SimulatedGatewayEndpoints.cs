using TicketMaster.Payments;

namespace TicketMaster.Api.Payments;

/// <summary>
/// The simulated gateway's stand-in for a bank's 3-D Secure page, mapped only while that gateway is in
/// use: <c>POST /simulated-gateway/challenges/{reference}?authenticated=true|false</c> completes the
/// challenge of a charge made with <c>tok_threeDSecureRequired</c> (the reference is the client
/// secret's part before <c>_secret</c>) and then tells the shop as Stripe's webhook would.
/// </summary>
public static class SimulatedGatewayEndpoints
{
    public static WebApplication MapSimulatedGateway(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IPaymentGateway>() is not SimulatedPaymentGateway)
        {
            return app;
        }

        app.MapPost("/simulated-gateway/challenges/{reference}", async (string reference, bool? authenticated, SimulatedPaymentGateway gateway, IPaymentNotices notices, CancellationToken cancellationToken) =>
        {
            var completed = await gateway.CompleteChallengeAsync(reference, authenticated ?? true, cancellationToken);
            if (completed is null)
            {
                return Results.NotFound(new { error = "No charge with this reference is waiting for 3-D Secure." });
            }

            var (key, outcome) = completed.Value;
            await notices.HandleAsync(new PaymentNotice(gateway.Name, key, reference, outcome), cancellationToken);
            return Results.Ok(new { status = outcome is ChargeResult.Succeeded ? "succeeded" : "declined" });
        });
        return app;
    }
}
