using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketMaster.WaitingRoom;

public static class WaitingRoomRegistration
{
    /// <summary>The <c>WaitingRoom</c> options and the in-memory queue, unless another (Redis) was registered first.</summary>
    public static IServiceCollection AddTicketMasterWaitingRoom(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(WaitingRoomOptions.SectionName).Get<WaitingRoomOptions>() ?? new WaitingRoomOptions());
        services.TryAddSingleton<IWaitingRoomQueue, InMemoryWaitingRoomQueue>();
        return services;
    }
}
