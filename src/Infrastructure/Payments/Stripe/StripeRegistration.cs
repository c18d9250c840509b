using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace TicketMaster.Payments.Stripe;

public static class StripeRegistration
{
    /// <summary>The Stripe adapter behind <see cref="IPaymentGateway"/>, and what <c>/webhooks/stripe</c> needs.</summary>
    public static IServiceCollection AddStripePayments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = (configuration.GetSection(PaymentOptions.SectionName).Get<PaymentOptions>() ?? new PaymentOptions()).Stripe;
        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            throw new InvalidOperationException("Payments:Provider is Stripe but Payments:Stripe:SecretKey is not set; set it to the account's secret key (sk_test_… or sk_live_…).");
        }

        services.AddSingleton(options);
        services.AddSingleton<IStripeClient>(_ => new StripeClient(
            options.SecretKey,
            httpClient: new SystemNetHttpClient(new HttpClient { Timeout = options.RequestTimeout }, options.MaxNetworkRetries),
            apiBase: options.ApiBase.ToString().TrimEnd('/')));
        services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
        services.AddSingleton<StripeWebhookReader>();
        return services;
    }
}
