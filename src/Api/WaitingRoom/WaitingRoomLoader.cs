using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Api.WaitingRoom;

/// <summary>
/// Puts the rooms that are on into the queue when the Api starts (after the database is ready),
/// so the booking path's pass check never reads the database.
/// </summary>
public sealed class WaitingRoomLoader(IServiceScopeFactory scopes, IWaitingRoomQueue queue, ILogger<WaitingRoomLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>();
        foreach (var room in await db.WaitingRooms.AsNoTracking().Where(r => r.IsOn).ToListAsync(cancellationToken))
        {
            try
            {
                await queue.ConfigureAsync(room, cancellationToken);
            }
            catch (RedisException e)
            {
                // The shared queue keeps the settings an earlier instance wrote; an unreachable Redis must not stop the Api.
                logger.LogWarning(e, "Could not load the waiting room of event {EventId} into Redis", room.EventId);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class WaitingRoomServices
{
    /// <summary>
    /// The Redis queue when <c>ConnectionStrings:Redis</c> is set (instances then share places and
    /// admissions), the in-memory one otherwise. Call after <c>AddLiveAvailability</c>, whose Redis
    /// connection it reuses when there is one.
    /// </summary>
    public static IServiceCollection AddWaitingRoom(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(Live.LiveServices.RedisConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(Live.LiveServices.RedisOptions(connectionString)));
            services.AddSingleton<IWaitingRoomQueue, RedisWaitingRoomQueue>();
        }

        services.AddTicketMasterWaitingRoom();
        services.AddHostedService<WaitingRoomLoader>();
        services.AddSingleton<JoinLimit>();
        return services;
    }
}
