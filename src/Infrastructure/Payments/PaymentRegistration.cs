using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Booking;

namespace TicketMaster.Payments;

public static class PaymentRegistration
{
    /// <summary>The payment gateway port's adapter: the simulated gateway, with the latency <c>Booking:SimulatedPaymentLatency</c> sets.</summary>
    public static IServiceCollection AddTicketMasterPayments(this IServiceCollection services)
    {
        services.AddSingleton<IPaymentGateway>(provider => new SimulatedPaymentGateway(provider.GetRequiredService<TimeProvider>())
        {
            Latency = provider.GetRequiredService<BookingOptions>().SimulatedPaymentLatency,
        });
        return services;
    }
}
