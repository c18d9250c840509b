using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketMaster.Booking;

public static class BookingRegistration
{
    /// <remarks>
    /// The ports the use cases need come from Infrastructure: <see cref="IBookingStore"/> with the
    /// database, <c>IPaymentGateway</c> with <c>AddTicketMasterPayments</c>.
    /// </remarks>
    public static IServiceCollection AddTicketMasterBooking(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(BookingOptions.SectionName).Get<BookingOptions>() ?? new BookingOptions());
        services.TryAddSingleton<IAvailabilityPublisher, OutboxOnlyAvailabilityPublisher>();
        services.AddScoped<ReserveSeats>();
        services.AddScoped<ReserveBestAvailable>();
        services.AddScoped<ReleaseReservation>();
        services.AddScoped<ConfirmReservation>();
        services.AddScoped<ExpireHolds>();
        return services;
    }
}
