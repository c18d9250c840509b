using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Booking;
using TicketMaster.Payments.Stripe;

namespace TicketMaster.Payments;

public static class PaymentRegistration
{
    /// <summary>
    /// The payment gateway port's adapter, chosen by <c>Payments:Provider</c>: the simulated gateway (the
    /// default, with the latency <c>Booking:SimulatedPaymentLatency</c> sets) or Stripe (<c>Payments:Stripe</c>).
    /// </summary>
    public static IServiceCollection AddTicketMasterPayments(this IServiceCollection services, IConfiguration configuration)
    {
        if ((configuration.GetSection(PaymentOptions.SectionName).Get<PaymentOptions>() ?? new PaymentOptions()).Provider == PaymentProvider.Stripe)
        {
            return services.AddStripePayments(configuration);
        }

        services.AddSingleton<IPaymentGateway>(provider => new SimulatedPaymentGateway(provider.GetRequiredService<TimeProvider>())
        {
            Latency = provider.GetRequiredService<BookingOptions>().SimulatedPaymentLatency,
        });
        return services;
    }
}
