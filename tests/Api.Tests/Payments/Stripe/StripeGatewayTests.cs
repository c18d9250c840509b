using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Common;
using TicketMaster.Payments;
using TicketMaster.Payments.Stripe;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>The Stripe adapter, registered from configuration as the Api does, talking real HTTP to the stand-in.</summary>
public sealed class StripeGatewayTests : IAsyncLifetime
{
    private StripeStandIn _stripe = null!;
    private IPaymentGateway _gateway = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _stripe = await StripeStandIn.StartAsync();
        _gateway = Gateway(retries: 0);
    }

    /// <summary>The gateway the Api would build from these settings.</summary>
    private IPaymentGateway Gateway(int retries)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Provider"] = "Stripe",
            ["Payments:Stripe:SecretKey"] = StripeStandIn.SecretKey,
            ["Payments:Stripe:ApiBase"] = _stripe.ApiBase.ToString(),
            ["Payments:Stripe:RequestTimeout"] = "00:00:01",
            ["Payments:Stripe:MaxNetworkRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        _services = new ServiceCollection().AddSingleton(TimeProvider.System).AddTicketMasterPayments(configuration).BuildServiceProvider();
        return _services.GetRequiredService<IPaymentGateway>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    [Fact]
    public async Task A_charge_creates_and_confirms_one_payment_intent_under_the_attempts_idempotency_key()
    {
        var result = await _gateway.ChargeAsync(new ChargeRequest("pm_card_visa", new Money(12.34m, "EUR"), "hold1:key1", "Reservation hold1"), CancellationToken.None);

        var succeeded = Assert.IsType<ChargeResult.Succeeded>(result);
        Assert.StartsWith("pi_", succeeded.ProviderReference);
        Assert.Equal("stripe", _gateway.Name);
        var sent = Assert.Single(_stripe.Requests);
        Assert.Equal(("POST", "/v1/payment_intents", "hold1:key1"), (sent.Method, sent.Path, sent.IdempotencyKey));
        Assert.Equal(new Dictionary<string, string>
        {
            ["amount"] = "1234",
            ["automatic_payment_methods[allow_redirects]"] = "never",
            ["automatic_payment_methods[enabled]"] = "true",
            ["confirm"] = "true",
            ["currency"] = "eur",
            ["description"] = "Reservation hold1",
            ["metadata[ticketmaster_idempotency_key]"] = "hold1:key1",
            ["payment_method"] = "pm_card_visa",
        }, sent.Form);
    }

    [Fact]
    public async Task A_card_token_is_sent_as_payment_method_data()
    {
        await _gateway.ChargeAsync(new ChargeRequest("tok_visa", new Money(5m, "USD"), "tok-key", "Reservation"), CancellationToken.None);

        var form = Assert.Single(_stripe.Requests).Form;
        Assert.Equal(("card", "tok_visa"), (form["payment_method_data[type]"], form["payment_method_data[card][token]"]));
        Assert.False(form.ContainsKey("payment_method"));
    }

    [Fact]
    public async Task The_same_key_again_answers_the_first_outcome_and_charges_once()
    {
        var request = new ChargeRequest("pm_card_visa", new Money(20m, "EUR"), "retry-key", "Reservation");

        var first = await _gateway.ChargeAsync(request, CancellationToken.None);
        var again = await _gateway.ChargeAsync(request, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(1, _stripe.IntentCount);
        Assert.All(_stripe.Requests, r => Assert.Equal("retry-key", r.IdempotencyKey));
    }

    [Fact]
    public async Task A_declined_card_is_a_decline_with_stripes_reason()
    {
        var result = await _gateway.ChargeAsync(new ChargeRequest("pm_card_chargeDeclined", new Money(10m, "EUR"), "declined-key", "Reservation"), CancellationToken.None);

        Assert.Equal(new ChargeResult.Declined("Your card was declined."), result);
        // Stripe keeps the failed intent: a lookup says the same, nothing was taken.
        Assert.Equal(result, await _gateway.LookUpAsync("declined-key", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_card_that_needs_3D_Secure_asks_for_customer_action_with_the_client_secret()
    {
        var result = await _gateway.ChargeAsync(new ChargeRequest("pm_card_authenticationRequired", new Money(10m, "EUR"), "3ds-key", "Reservation"), CancellationToken.None);

        var action = Assert.IsType<ChargeResult.ActionRequired>(result);
        Assert.Equal($"{action.ProviderReference}_secret_standin", action.ClientSecret);
    }

    [Fact]
    public async Task A_payment_stripe_has_not_decided_is_processing()
    {
        var result = await _gateway.ChargeAsync(new ChargeRequest("pm_standin_processing", new Money(10m, "EUR"), "slow-key", "Reservation"), CancellationToken.None);

        Assert.IsType<ChargeResult.Processing>(result);
    }

    [Fact]
    public async Task A_lost_answer_is_an_unknown_outcome_and_the_lookup_finds_the_charge_stripe_made()
    {
        _stripe.AnswerDelay = TimeSpan.FromSeconds(10);

        var lost = await Assert.ThrowsAsync<PaymentOutcomeUnknownException>(() =>
            _gateway.ChargeAsync(new ChargeRequest("pm_card_visa", new Money(30m, "EUR"), "lost-key", "Reservation"), CancellationToken.None));
        _stripe.AnswerDelay = TimeSpan.Zero;
        var byKey = await _gateway.LookUpAsync("lost-key", null, CancellationToken.None);

        Assert.Equal(("stripe", "lost-key"), (lost.Gateway, lost.IdempotencyKey));
        var charged = Assert.IsType<ChargeResult.Succeeded>(byKey);
        Assert.Equal(1, _stripe.IntentCount);
        Assert.Equal(byKey, await _gateway.LookUpAsync("lost-key", charged.ProviderReference, CancellationToken.None));
        Assert.Equal("metadata['ticketmaster_idempotency_key']:'lost-key'", _stripe.Requests.Single(r => r.Path.EndsWith("/search", StringComparison.Ordinal)).Form["query"]);
    }

    [Fact]
    public async Task A_stripe_server_error_is_an_unknown_outcome_not_a_decline()
    {
        _stripe.FailNextCalls = 1;

        await Assert.ThrowsAsync<PaymentOutcomeUnknownException>(() =>
            _gateway.ChargeAsync(new ChargeRequest("pm_card_visa", new Money(30m, "EUR"), "5xx-key", "Reservation"), CancellationToken.None));

        Assert.Null(await _gateway.LookUpAsync("5xx-key", null, CancellationToken.None));
    }

    [Fact]
    public async Task With_network_retries_a_lost_answer_is_recovered_by_replaying_the_key_and_charges_once()
    {
        await _services.DisposeAsync();
        var gateway = Gateway(retries: 1);
        _stripe.LoseNextAnswers = 1;

        var result = await gateway.ChargeAsync(new ChargeRequest("pm_card_visa", new Money(30m, "EUR"), "retried-key", "Reservation"), CancellationToken.None);

        Assert.IsType<ChargeResult.Succeeded>(result);
        Assert.Equal(1, _stripe.IntentCount);
        Assert.Equal(["retried-key", "retried-key"], _stripe.Requests.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task A_key_stripe_never_saw_looks_up_as_nothing_taken()
    {
        Assert.Null(await _gateway.LookUpAsync("never-sent", null, CancellationToken.None));
        Assert.Null(await _gateway.LookUpAsync("never-sent", "pi_unknown", CancellationToken.None));
    }

    [Fact]
    public async Task A_refund_gives_back_the_amount_once_under_its_own_key()
    {
        var charged = (ChargeResult.Succeeded)await _gateway.ChargeAsync(new ChargeRequest("pm_card_visa", new Money(40m, "EUR"), "charge-key", "Reservation"), CancellationToken.None);

        var refund = await _gateway.RefundAsync(charged.ProviderReference, new Money(15.50m, "EUR"), "refund-key", CancellationToken.None);
        var again = await _gateway.RefundAsync(charged.ProviderReference, new Money(15.50m, "EUR"), "refund-key", CancellationToken.None);

        Assert.IsType<RefundResult.Succeeded>(refund);
        Assert.Equal(refund, again);
        Assert.Equal(1550, _stripe.Intent(charged.ProviderReference).AmountRefunded);
        var sent = _stripe.Requests.Where(r => r.Path == "/v1/refunds").ToList();
        Assert.All(sent, r => Assert.Equal("refund-key", r.IdempotencyKey));
        Assert.Equal(new Dictionary<string, string> { ["amount"] = "1550", ["payment_intent"] = charged.ProviderReference }, sent[0].Form);
    }

    [Fact]
    public async Task Refunding_more_than_is_left_fails_and_gives_nothing_back()
    {
        var charged = (ChargeResult.Succeeded)await _gateway.ChargeAsync(new ChargeRequest("pm_card_visa", new Money(10m, "EUR"), "small-charge", "Reservation"), CancellationToken.None);
        await _gateway.RefundAsync(charged.ProviderReference, new Money(10m, "EUR"), "refund-all", CancellationToken.None);

        var second = await _gateway.RefundAsync(charged.ProviderReference, new Money(10m, "EUR"), "refund-all-again", CancellationToken.None);

        Assert.IsType<RefundResult.Failed>(second);
        Assert.Equal(1000, _stripe.Intent(charged.ProviderReference).AmountRefunded);
    }

    [Theory]
    [InlineData(1500, "JPY", 1500)]
    [InlineData(12.34, "EUR", 1234)]
    [InlineData(7.5, "USD", 750)]
    [InlineData(1.234, "KWD", 1234)]
    [InlineData(50000, "KRW", 50000)]
    public async Task Amounts_go_to_stripe_in_the_currencys_smallest_unit(double amount, string currency, long expected)
    {
        await _gateway.ChargeAsync(new ChargeRequest("pm_card_visa", new Money((decimal)amount, currency), $"minor-{currency}", "Reservation"), CancellationToken.None);

        var form = Assert.Single(_stripe.Requests).Form;
        Assert.Equal((expected.ToString(System.Globalization.CultureInfo.InvariantCulture), currency.ToLowerInvariant()), (form["amount"], form["currency"]));
    }

    [Fact]
    public async Task A_fraction_of_a_yen_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _gateway.ChargeAsync(new ChargeRequest("pm_card_visa", new Money(1500.5m, "JPY"), "fraction", "Reservation"), CancellationToken.None));

        Assert.Empty(_stripe.Requests);
    }
}
