using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Booking;
using TicketMaster.Persistence;

namespace TicketMaster.Payments;

public static class PaymentRegistration
{
    /// <summary>
    /// The payment gateway port's adapter (the simulated gateway, with the latency
    /// <c>Booking:SimulatedPaymentLatency</c> sets), the settlement use case webhooks hand their
    /// notices to, and the reconciler's claim. A provider switch goes in front of the gateway line.
    /// </summary>
    public static IServiceCollection AddTicketMasterPayments(this IServiceCollection services)
    {
        services.AddSingleton<SimulatedPaymentGateway>(provider => new SimulatedPaymentGateway(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContext)
        {
            Latency = provider.GetRequiredService<BookingOptions>().SimulatedPaymentLatency,
        });
        services.AddSingleton<IPaymentGateway>(provider => provider.GetRequiredService<SimulatedPaymentGateway>());

        services.AddSingleton<IPaymentClaims, PaymentClaims>();
        services.AddScoped<IPaymentNotices, SettlePayment>();
        services.AddScoped<SettlePayment>();
        services.AddScoped<ReconcilePayments>();
        return services;
    }
}
