using TicketMaster.Live;

namespace TicketMaster.Api.Live;

public static class LiveServices
{
    /// <summary>The bus (in-memory unless an adapter was registered before) and the relay that feeds it, run as a hosted service.</summary>
    public static IServiceCollection AddLiveAvailability(this IServiceCollection services)
    {
        services.AddTicketMasterLiveAvailability();
        services.AddHostedService<AvailabilityRelayService>();
        return services;
    }
}

/// <summary>Runs <see cref="AvailabilityRelay"/> for the lifetime of the app.</summary>
public sealed class AvailabilityRelayService(AvailabilityRelay relay) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => relay.RunAsync(stoppingToken);
}
