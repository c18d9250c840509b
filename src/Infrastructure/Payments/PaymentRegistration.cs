using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Booking;
using TicketMaster.Payments.Stripe;
using TicketMaster.Persistence;

namespace TicketMaster.Payments;

public static class PaymentRegistration
{
    /// <summary>
    /// The payment gateway port's adapter, chosen by <c>Payments:Provider</c>: the simulated gateway (the
    /// default, with the latency <c>Booking:SimulatedPaymentLatency</c> sets) or Stripe (<c>Payments:Stripe</c>);
    /// whichever it is, the settlement use case webhooks hand their notices to and the reconciler's claim.
    /// </summary>
    public static IServiceCollection AddTicketMasterPayments(this IServiceCollection services, IConfiguration configuration)
    {
        if ((configuration.GetSection(PaymentOptions.SectionName).Get<PaymentOptions>() ?? new PaymentOptions()).Provider == PaymentProvider.Stripe)
        {
            services.AddStripePayments(configuration);
        }
        else
        {
            services.AddSingleton<SimulatedPaymentGateway>(provider => new SimulatedPaymentGateway(
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContext)
            {
                Latency = provider.GetRequiredService<BookingOptions>().SimulatedPaymentLatency,
            });
            services.AddSingleton<IPaymentGateway>(provider => provider.GetRequiredService<SimulatedPaymentGateway>());
        }

        services.AddSingleton<IPaymentClaims, PaymentClaims>();
        services.AddScoped<IPaymentNotices, SettlePayment>();
        services.AddScoped<SettlePayment>();
        services.AddScoped<ReconcilePayments>();
        return services;
    }
}
