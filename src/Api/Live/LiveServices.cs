using StackExchange.Redis;
using TicketMaster.Live;

namespace TicketMaster.Api.Live;

public static class LiveServices
{
    public const string RedisConnectionStringName = "Redis";

    /// <summary>
    /// The bus <c>Availability:Bus</c> names (in-memory by default, or Redis at
    /// <c>ConnectionStrings:Redis</c>) and the relay that feeds it, run as a hosted service.
    /// </summary>
    public static IServiceCollection AddLiveAvailability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AvailabilityOptions.SectionName).Get<AvailabilityOptions>() ?? new AvailabilityOptions();
        if (options.Bus == AvailabilityBusKind.Redis)
        {
            var connectionString = configuration.GetConnectionString(RedisConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException($"Availability:Bus is Redis but ConnectionStrings:{RedisConnectionStringName} is not set.");
            }

            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisOptions(connectionString)));
            services.AddSingleton<IAvailabilityBus, RedisAvailabilityBus>();
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        }

        services.AddTicketMasterLiveAvailability();
        services.AddHostedService<AvailabilityRelayService>();
        return services;
    }

    /// <summary>
    /// Starts without Redis and reconnects by itself (re-subscribing every channel); while it is
    /// away, commands fail at once instead of queueing, so publishing never holds anything up.
    /// </summary>
    public static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "ticketmaster-api";
        return options;
    }
}

/// <summary>Runs <see cref="AvailabilityRelay"/> for the lifetime of the app.</summary>
public sealed class AvailabilityRelayService(AvailabilityRelay relay) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => relay.RunAsync(stoppingToken);
}

/// <summary>Degraded, not unhealthy, without Redis: bookings go on, only live updates pause.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Degraded("Redis is unreachable: live availability updates are paused."));
}
