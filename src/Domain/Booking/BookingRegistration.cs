using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketMaster.Payments;

namespace TicketMaster.Booking;

public static class BookingRegistration
{
    public static IServiceCollection AddTicketMasterBooking(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(BookingOptions.SectionName).Get<BookingOptions>() ?? new BookingOptions());
        services.AddSingleton<IPaymentGateway>(provider => new SimulatedPaymentGateway(provider.GetRequiredService<TimeProvider>())
        {
            Latency = provider.GetRequiredService<BookingOptions>().SimulatedPaymentLatency,
        });
        services.TryAddSingleton<IAvailabilityPublisher, OutboxOnlyAvailabilityPublisher>();
        services.AddScoped<ReserveSeats>();
        services.AddScoped<ReserveBestAvailable>();
        services.AddScoped<ReleaseReservation>();
        services.AddScoped<ConfirmReservation>();
        services.AddScoped<ExpireHolds>();
        return services;
    }
}
