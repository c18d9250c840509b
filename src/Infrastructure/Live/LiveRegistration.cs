using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketMaster.Booking;

namespace TicketMaster.Live;

public static class LiveRegistration
{
    /// <summary>
    /// The relay that publishes committed changes, and the in-memory bus unless another adapter
    /// (Redis) was registered first. Call before <c>AddTicketMasterBooking</c>, whose publisher
    /// registration is only a fallback.
    /// </summary>
    public static IServiceCollection AddTicketMasterLiveAvailability(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(AvailabilityOptions.SectionName).Get<AvailabilityOptions>() ?? new AvailabilityOptions());
        services.TryAddSingleton<IAvailabilityBus, InMemoryAvailabilityBus>();
        services.AddSingleton<AvailabilityRelay>();
        services.Replace(ServiceDescriptor.Singleton<IAvailabilityPublisher>(provider => provider.GetRequiredService<AvailabilityRelay>()));
        return services;
    }
}
