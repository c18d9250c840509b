using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Common;
using TicketMaster.Payments;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>
/// The adapter against Stripe itself (test mode), checking that the stand-in's answers are Stripe's.
/// Runs only with <c>STRIPE_TEST_SECRET_KEY=sk_test_…</c> set; otherwise these tests do not exist.
/// </summary>
public sealed class LiveStripeContractTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IPaymentGateway _gateway;
    private readonly string _run = Guid.NewGuid().ToString("N");

    public LiveStripeContractTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Provider"] = "Stripe",
            ["Payments:Stripe:SecretKey"] = LiveStripeFactAttribute.Key ?? "",
        }).Build();
        _services = new ServiceCollection().AddTicketMasterPayments(configuration).BuildServiceProvider();
        _gateway = _services.GetRequiredService<IPaymentGateway>();
    }

    public void Dispose() => _services.Dispose();

    [LiveStripeFact]
    public async Task A_test_card_is_charged_once_per_key_found_again_and_partly_refunded()
    {
        var request = new ChargeRequest("pm_card_visa", new Money(12.34m, "EUR"), $"live-{_run}-visa", "TicketMaster contract test");

        var charged = Assert.IsType<ChargeResult.Succeeded>(await _gateway.ChargeAsync(request, CancellationToken.None));
        var again = await _gateway.ChargeAsync(request, CancellationToken.None);
        var looked = await _gateway.LookUpAsync(request.IdempotencyKey, charged.ProviderReference, CancellationToken.None);
        var refund = await _gateway.RefundAsync(charged.ProviderReference, new Money(5m, "EUR"), $"live-{_run}-refund", CancellationToken.None);

        Assert.Equal(charged, again);
        Assert.Equal(charged, looked);
        Assert.IsType<RefundResult.Succeeded>(refund);
    }

    [LiveStripeFact]
    public async Task A_zero_decimal_currency_and_a_token_are_charged_as_stripe_expects()
    {
        var yen = await _gateway.ChargeAsync(new ChargeRequest("tok_visa", new Money(500m, "JPY"), $"live-{_run}-jpy", "TicketMaster contract test"), CancellationToken.None);

        var charged = Assert.IsType<ChargeResult.Succeeded>(yen);
        var intent = await new global::Stripe.PaymentIntentService(_services.GetRequiredService<global::Stripe.IStripeClient>()).GetAsync(charged.ProviderReference);
        Assert.Equal((500L, "jpy"), (intent.Amount, intent.Currency));
    }

    [LiveStripeFact]
    public async Task Declines_and_3D_Secure_come_back_as_their_outcomes()
    {
        var declined = await _gateway.ChargeAsync(new ChargeRequest("pm_card_chargeDeclined", new Money(10m, "EUR"), $"live-{_run}-declined", "TicketMaster contract test"), CancellationToken.None);
        var action = await _gateway.ChargeAsync(new ChargeRequest("pm_card_authenticationRequired", new Money(10m, "EUR"), $"live-{_run}-3ds", "TicketMaster contract test"), CancellationToken.None);

        Assert.IsType<ChargeResult.Declined>(declined);
        var required = Assert.IsType<ChargeResult.ActionRequired>(action);
        Assert.StartsWith($"{required.ProviderReference}_secret_", required.ClientSecret, StringComparison.Ordinal);
    }

    [LiveStripeFact]
    public async Task A_key_stripe_never_saw_looks_up_as_nothing_taken()
    {
        Assert.Null(await _gateway.LookUpAsync($"live-{_run}-never-sent", null, CancellationToken.None));
    }
}
