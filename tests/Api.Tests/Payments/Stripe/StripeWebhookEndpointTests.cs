using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Webhooks;
using TicketMaster.Payments;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>What the webhook endpoint answers when the Api is not set up to take Stripe's events.</summary>
public sealed class StripeWebhookEndpointTests
{
    [Fact]
    public async Task Without_anything_to_settle_payments_a_signed_event_gets_503_so_stripe_delivers_it_again()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "stripe-503");
        await using var stripe = await StripeStandIn.StartAsync();
        stripe.WebhookSecret = StripeApi.WebhookSecret;
        // Whatever the Api registers for IPaymentNotices is taken away: the state before settlement exists.
        await using var api = await ApiHost.StartAsync(StripeApi.Settings(database, stripe), services => services.RemoveAll<IPaymentNotices>());
        stripe.WebhookUrl = new Uri(api.ServerAddress, StripeWebhookEndpoint.Path);
        var charged = (ChargeResult.Succeeded)await api.Services.GetRequiredService<IPaymentGateway>()
            .ChargeAsync(new ChargeRequest("pm_card_visa", new Common.Money(5m, "EUR"), "early-key", "Reservation"), CancellationToken.None);
        var body = StandInEvents.Envelope("evt_early", "payment_intent.succeeded", stripe.Intent(charged.ProviderReference).ToJson(), DateTimeOffset.UtcNow);

        var signed = await stripe.PostSignedAsync("evt_early", body, StandInEvents.Signature(body, StripeApi.WebhookSecret, DateTimeOffset.UtcNow));
        var forged = await stripe.PostSignedAsync("evt_early", body, StandInEvents.Signature(body, "whsec_attacker", DateTimeOffset.UtcNow));

        Assert.Equal((503, 400), (signed, forged));
        await using var db = database.CreateContext();
        Assert.Empty(db.Set<TicketMaster.Payments.Stripe.ProcessedStripeEvent>());
    }

    [Fact]
    public async Task With_the_simulated_gateway_the_endpoint_is_not_there()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "stripe-404");
        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?>(database.AppSettings) { ["DemoData:Size"] = "None" });
        using var http = api.CreateHttpClient();

        using var response = await http.PostAsync(StripeWebhookEndpoint.Path, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("simulated", api.Services.GetRequiredService<IPaymentGateway>().Name);
    }

    [Fact]
    public void Choosing_stripe_without_a_secret_key_fails_at_startup_and_says_which_key_to_set()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:Provider"] = "Stripe" }).Build();

        var failure = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTicketMasterPayments(configuration));

        Assert.Contains("Payments:Stripe:SecretKey", failure.Message, StringComparison.Ordinal);
    }
}
